using MetalFests.Gateway.Caching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static MetalFests.Tests.Edge.EdgeOverFakeOrigin;

namespace MetalFests.Tests.Edge;

/// <summary>After a write, the cache never keeps what was read before it: not from a fill in flight, not from a lagging replica.</summary>
public sealed class WriteCoherenceTests
{
    private const string Url = "/api/festivals/fake";
    private const string Write = "/api/admin/festivals/fake";

    [Fact]
    public async Task A_fill_in_flight_when_a_write_evicts_its_labels_is_not_stored()
    {
        await using var edge = await StartAsync();
        edge.Origin.Hold();
        var inFlight = edge.Client.GetAsync(Url);
        await edge.Origin.Arrived.WaitAsync();

        edge.Origin.Body = "{\"version\":2}";
        using (var write = await edge.Client.PostAsync(Write, null))
        {
            write.EnsureSuccessStatusCode();
        }
        edge.Origin.Release();
        using var old = await inFlight;
        using var next = await edge.Client.GetAsync(Url);

        Assert.Equal("{\"version\":1}", await old.Content.ReadAsStringAsync());
        Assert.Equal("Miss", CacheStatus(next));
        Assert.Equal("{\"version\":2}", await next.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_refill_from_a_lagging_replica_is_evicted_again_after_the_refill_window()
    {
        await using var edge = await StartAsync();
        var window = edge.Gateway.Services.GetRequiredService<IOptions<CacheOptions>>().Value.RefillWindow;
        (await edge.Client.GetAsync(Url)).Dispose();

        using (var write = await edge.Client.PostAsync(Write, null))
        {
            write.EnsureSuccessStatusCode();
        }
        // The replica has not seen the write yet: the refill reads the old body.
        using var refill = await edge.Client.GetAsync(Url);
        edge.Origin.Body = "{\"version\":2}";
        edge.Gateway.Clock.Advance(window);
        using var after = await edge.Client.GetAsync(Url);

        Assert.Equal("Miss", CacheStatus(refill));
        Assert.Equal("{\"version\":1}", await refill.Content.ReadAsStringAsync());
        Assert.Equal("Miss", CacheStatus(after));
        Assert.Equal("{\"version\":2}", await after.Content.ReadAsStringAsync());
    }
}
