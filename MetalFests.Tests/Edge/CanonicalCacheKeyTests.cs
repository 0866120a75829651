using MetalFests.Gateway.Routing;
using static MetalFests.Tests.Edge.EdgeOverFakeOrigin;

namespace MetalFests.Tests.Edge;

/// <summary>The cache key is the route's own parameters, in a fixed order, one encoding: unknown parameters cannot fill or bust the cache.</summary>
public sealed class CanonicalCacheKeyTests
{
    [Fact]
    public async Task Unknown_parameters_are_one_entry_and_never_reach_the_service()
    {
        await using var edge = await StartAsync();

        using var first = await edge.Client.GetAsync("/api/festivals?zz=1");
        using var second = await edge.Client.GetAsync("/api/festivals?zz=2");
        using var plain = await edge.Client.GetAsync("/api/festivals");

        Assert.Equal("Miss", CacheStatus(first));
        Assert.Equal("Hit", CacheStatus(second));
        Assert.Equal("Hit", CacheStatus(plain));
        Assert.Equal(["/api/festivals"], edge.Origin.Reads);
    }

    [Fact]
    public async Task Order_case_and_encoding_of_known_parameters_make_one_entry()
    {
        await using var edge = await StartAsync();

        using var first = await edge.Client.GetAsync("/api/bands?q=iron%20maiden&limit=5");
        using var second = await edge.Client.GetAsync("/api/bands?LIMIT=5&q=iron+maiden&utm_source=x");

        Assert.Equal("Hit", CacheStatus(second));
        Assert.Equal(["/api/bands?limit=5&q=iron%20maiden"], edge.Origin.Reads);
    }

    [Fact]
    public void Every_public_route_lists_its_parameters()
    {
        Assert.Equal(RouteTable.InEveryVersion(RouteTable.PublicPrefixes).Order(StringComparer.Ordinal), QueryParameters.ByRoute.Keys.Order(StringComparer.Ordinal));
    }
}
