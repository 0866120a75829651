using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.Edge;

/// <summary>Each route's entry lives exactly its seed TTL, on a gateway with a fake clock in front of the real services.</summary>
[Collection(AppCollection.Name)]
public sealed class CacheExpiryTests(AppFixture fixture)
{
    public static readonly IReadOnlyDictionary<string, string?> Unlimited = new Dictionary<string, string?>
    {
        ["Gateway:RateLimits:PerIpLimit"] = "1000000",
        ["Gateway:RateLimits:PublicBurst"] = "1000000",
        ["Gateway:RateLimits:PublicRatePerSecond"] = "1000000",
    };

    [Theory]
    [InlineData("/api/festivals", 10)]
    [InlineData("/api/festivals/upcoming", 5)]
    [InlineData("/api/festivals/hellfest", 30)]
    [InlineData("/api/festivals/hellfest/editions", 30)]
    [InlineData("/api/festivals/hellfest/editions/2026", 60)]
    [InlineData("/api/bands", 10)]
    [InlineData("/api/bands/reviewed", 10)]
    [InlineData("/api/bands/unreviewed", 5)]
    [InlineData("/api/bands/within-temptation", 30)]
    [InlineData("/api/bands/iron-maiden/festivals", 10)]
    [InlineData("/api/genres", 60)]
    [InlineData("/api/genres/black-metal", 60)]
    [InlineData("/api/genres/black-metal/bands", 10)]
    [InlineData("/api/roles", 60)]
    [InlineData("/api/roles/drums", 60)]
    [InlineData("/api/roles/drums/members", 10)]
    public async Task An_entry_is_fresh_for_its_route_ttl_and_refetched_after(string url, int minutes)
    {
        using var gateway = new InProcessGateway(Unlimited, fixture);
        using var client = gateway.CreateClient();

        var first = await StatusAsync(client, url);
        gateway.Clock.Advance(TimeSpan.FromMinutes(minutes) - TimeSpan.FromSeconds(1));
        var beforeExpiry = await StatusAsync(client, url);
        gateway.Clock.Advance(TimeSpan.FromSeconds(2));
        var afterExpiry = await StatusAsync(client, url);

        Assert.Equal(("Miss", $"public, max-age={minutes * 60}"), first);
        Assert.Equal("Hit", beforeExpiry.Cache);
        Assert.Equal("Miss", afterExpiry.Cache);
    }

    [Fact]
    public async Task A_404_is_forgotten_after_30_seconds()
    {
        using var gateway = new InProcessGateway(Unlimited, fixture);
        using var client = gateway.CreateClient();

        await StatusAsync(client, "/api/bands/not-a-band");
        gateway.Clock.Advance(TimeSpan.FromSeconds(29));
        var within = await StatusAsync(client, "/api/bands/not-a-band");
        gateway.Clock.Advance(TimeSpan.FromSeconds(2));
        var after = await StatusAsync(client, "/api/bands/not-a-band");

        Assert.Equal("Hit", within.Cache);
        Assert.Equal("Miss", after.Cache);
    }

    private static async Task<(string? Cache, string? CacheControl)> StatusAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return (response.Headers.TryGetValues("X-Cache", out var values) ? values.Single() : null, response.Headers.CacheControl?.ToString());
    }
}
