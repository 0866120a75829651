using System.Net;
using static MetalFests.Tests.Edge.EdgeOverFakeOrigin;

namespace MetalFests.Tests.Edge;

/// <summary>The seed's order: the per-IP limit counts every request; the public plan counts only what reaches the origin.</summary>
public sealed class RateLimitOrderTests
{
    [Fact]
    public async Task Cached_hits_are_not_capped_by_the_public_plan()
    {
        await using var edge = await StartAsync(("Gateway:RateLimits:PublicBurst", "2"), ("Gateway:RateLimits:PublicRatePerSecond", "1"));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await edge.Client.GetAsync("/api/roles");
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Single(edge.Origin.Reads);
    }

    [Fact]
    public async Task Misses_are_capped_by_the_public_plan()
    {
        await using var edge = await StartAsync(("Gateway:RateLimits:PublicBurst", "2"), ("Gateway:RateLimits:PublicRatePerSecond", "1"));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await edge.Client.GetAsync($"/api/bands/band-{i}");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Theory]
    [InlineData("/docs")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/")]
    public async Task The_per_ip_limit_counts_requests_outside_the_api(string path)
    {
        await using var edge = await StartAsync(("Gateway:RateLimits:PerIpLimit", "2"));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await edge.Client.GetAsync(path);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[2]);
    }

    [Fact]
    public async Task The_public_plan_refills_by_the_gateway_clock()
    {
        await using var edge = await StartAsync(("Gateway:RateLimits:PublicBurst", "1"), ("Gateway:RateLimits:PublicRatePerSecond", "1"));

        using var first = await edge.Client.GetAsync("/api/bands/a");
        using var second = await edge.Client.GetAsync("/api/bands/b");
        edge.Gateway.Clock.Advance(TimeSpan.FromSeconds(1));
        using var third = await edge.Client.GetAsync("/api/bands/c");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.OK], [first.StatusCode, second.StatusCode, third.StatusCode]);
    }

    [Fact]
    public async Task The_per_ip_window_slides_by_the_gateway_clock()
    {
        await using var edge = await StartAsync(("Gateway:RateLimits:PerIpLimit", "1"), ("Gateway:RateLimits:PerIpWindow", "00:05:00"));

        using var first = await edge.Client.GetAsync("/api/roles");
        using var second = await edge.Client.GetAsync("/api/roles");
        edge.Gateway.Clock.Advance(TimeSpan.FromMinutes(4));
        using var early = await edge.Client.GetAsync("/api/roles");
        edge.Gateway.Clock.Advance(TimeSpan.FromMinutes(1));
        using var after = await edge.Client.GetAsync("/api/roles");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.OK],
            [first.StatusCode, second.StatusCode, early.StatusCode, after.StatusCode]);
        Assert.Equal(TimeSpan.FromMinutes(5), second.Headers.RetryAfter?.Delta);
    }
}
