using static MetalFests.Tests.Edge.EdgeOverFakeOrigin;

namespace MetalFests.Tests.Edge;

/// <summary>A hit's <c>Age</c> is the time since it was stored, by the gateway's clock (a fake one here).</summary>
public sealed class CacheAgeTests
{
    [Fact]
    public async Task A_hit_tells_its_age_by_the_clock()
    {
        await using var edge = await StartAsync();
        (await edge.Client.GetAsync("/api/genres")).Dispose();

        edge.Gateway.Clock.Advance(TimeSpan.FromSeconds(7));
        using var hit = await edge.Client.GetAsync("/api/genres");

        Assert.Equal("Hit", CacheStatus(hit));
        Assert.Equal(TimeSpan.FromSeconds(7), hit.Headers.Age);
    }
}
