using System.Text.Json.Nodes;
using MetalFests.Gateway.Routing;

namespace MetalFests.Tests.Deployment;

/// <summary>
/// CloudFront keys a public read as the gateway does: per public route (every version), only the query
/// parameters the gateway accepts (<see cref="QueryParameters.ByRoute"/>, the gateway's spec here), and no
/// header — so neither an unknown parameter nor an <c>X-Api-Key</c> makes another entry. A path that only
/// starts like a route (<c>/api/bandsx</c>) is not that route.
/// </summary>
[Collection(DeploymentCollection.Name)]
public sealed class EdgeCacheKeyTests(SynthesizedApp app)
{
    public static TheoryData<string> PublicPrefixes => [.. QueryParameters.ByRoute.Keys];

    [Theory]
    [MemberData(nameof(PublicPrefixes))]
    public void EachPublicRouteIsKeyedOnItsOwnQueryParametersAndNoHeader(string prefix)
    {
        var key = KeyOf(app.BehaviourFor(prefix));
        Assert.Equal(QueryParameters.ByRoute[prefix].Order(StringComparer.Ordinal), QueryStrings(key));
        Assert.Equal("none", key["HeadersConfig"]!["HeaderBehavior"]!.GetValue<string>());
        Assert.Equal("none", key["CookiesConfig"]!["CookieBehavior"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/api/bands", new[] { "country", "genre", "limit", "offset", "q", "reviewed" })]
    [InlineData("/api/bands/metallica", new[] { "country", "genre", "limit", "offset", "q", "reviewed" })]
    [InlineData("/api/v2/bands", new[] { "country", "cursor", "genre", "limit", "q", "reviewed" })]
    [InlineData("/api/festivals/wacken-open-air/editions/2025", new[] { "country", "from", "limit", "near", "offset", "q", "radiusKm", "to" })]
    [InlineData("/api/festivals.ics", new[] { "festivals" })]
    [InlineData("/api/festivals.geojson", new string[0])]
    [InlineData("/api/genres", new[] { "limit", "offset" })]
    public void PathsAreKeyedOnTheSeedsParameters(string path, string[] parameters)
    {
        Assert.Equal(parameters, QueryStrings(KeyOf(app.BehaviourFor(path))));
    }

    [Theory]
    [InlineData("/api/bandsx")]
    [InlineData("/api/genresque")]
    [InlineData("/api/v2/festivalsx/1")]
    public void APathThatOnlyStartsLikeARouteIsNeverCached(string path)
    {
        Assert.Equal(SynthesizedApp.CachingDisabled, app.BehaviourFor(path)["CachePolicyId"]!.GetValue<string>());
    }

    [Fact]
    public void TheDistributionStaysWithinCloudFrontsDefaultQuotaOf25Behaviours()
    {
        Assert.InRange(app.Distribution["CacheBehaviors"]!.AsArray().Count, 1, 25);
    }

    [Theory]
    [MemberData(nameof(PublicPrefixes))]
    public void PublicReadsAreKeptAsTheServicesCacheControlSaysAndCompressed(string prefix)
    {
        var behaviour = app.BehaviourFor(prefix);
        var policy = app.Referenced(behaviour["CachePolicyId"]!, "CachePolicyConfig");
        Assert.Equal(0, policy["MinTTL"]!.GetValue<int>());
        Assert.Equal(0, policy["DefaultTTL"]!.GetValue<int>());
        // The seed's longest TTL: 60 minutes (editions, genres, roles).
        Assert.Equal(3600, policy["MaxTTL"]!.GetValue<int>());
        Assert.True(behaviour["Compress"]!.GetValue<bool>());
        Assert.True(policy["ParametersInCacheKeyAndForwardedToOrigin"]!["EnableAcceptEncodingBrotli"]!.GetValue<bool>());
        // Writes share the public paths (PUT /api/bands/{key}): allowed, never cached.
        Assert.Contains("PUT", behaviour["AllowedMethods"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.DoesNotContain("PUT", behaviour["CachedMethods"]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    private JsonNode KeyOf(JsonNode behaviour) =>
        app.Referenced(behaviour["CachePolicyId"]!, "CachePolicyConfig")["ParametersInCacheKeyAndForwardedToOrigin"]!;

    internal static string[] QueryStrings(JsonNode config)
    {
        var strings = config["QueryStringsConfig"]!;
        return strings["QueryStringBehavior"]!.GetValue<string>() switch
        {
            "none" => [],
            "whitelist" => [.. strings["QueryStrings"]!.AsArray().Select(q => q!.GetValue<string>()).Order(StringComparer.Ordinal)],
            var other => throw new Xunit.Sdk.XunitException($"query strings {other}: not an allow-list"),
        };
    }
}
