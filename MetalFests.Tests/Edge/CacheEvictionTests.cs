using static MetalFests.Tests.Edge.EdgeOverFakeOrigin;

namespace MetalFests.Tests.Edge;

/// <summary>A full cache makes room: past-stale entries first, then the least recently used; the label index shrinks with them.</summary>
public sealed class CacheEvictionTests
{
    [Fact]
    public async Task When_full_the_least_recently_used_entry_makes_room()
    {
        // Room for two bodies of the fake origin, not three.
        await using var edge = await StartAsync(("Gateway:Cache:MaxTotalBytes", (2 * "{\"version\":1}".Length + 1).ToString()));
        (await edge.Client.GetAsync("/api/genres/a")).Dispose();
        edge.Gateway.Clock.Advance(TimeSpan.FromSeconds(1));
        (await edge.Client.GetAsync("/api/genres/b")).Dispose();
        edge.Gateway.Clock.Advance(TimeSpan.FromSeconds(1));
        (await edge.Client.GetAsync("/api/genres/a")).Dispose();
        edge.Gateway.Clock.Advance(TimeSpan.FromSeconds(1));

        using var c = await edge.Client.GetAsync("/api/genres/c");
        using var cAgain = await edge.Client.GetAsync("/api/genres/c");
        using var b = await edge.Client.GetAsync("/api/genres/b");

        Assert.Equal("Hit", CacheStatus(cAgain));
        Assert.Equal("Miss", CacheStatus(b));
    }

    [Fact]
    public async Task The_label_index_shrinks_with_the_entries()
    {
        await using var edge = await StartAsync();
        (await edge.Client.GetAsync("/api/genres/a")).Dispose();
        Assert.Equal(1, edge.Cache.LabelCount);

        edge.Cache.EvictPaths(["/api/genres/*"]);

        Assert.Equal(0, edge.Cache.Count);
        Assert.Equal(0, edge.Cache.LabelCount);
    }
}
