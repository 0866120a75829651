using System.Text.Json.Nodes;
using MetalFests.Gateway.Routing;

namespace MetalFests.Tests.Deployment;

/// <summary>
/// What reaches API Gateway from a public route is what the gateway forwards: only the route's query
/// parameters (unknown ones dropped), and the viewer's headers but Host — X-Api-Key among them, so a write
/// on a public path (PUT /api/bands/{key}) keeps its key while the key stays out of the cache key. Admin
/// paths and the rest of /api get everything, uncached.
/// </summary>
[Collection(DeploymentCollection.Name)]
public sealed class EdgeOriginRequestTests(SynthesizedApp app)
{
    private const string AllViewerExceptHostHeader = "b689b0a8-53d0-40ab-baf2-68738e2966ac";

    public static TheoryData<string> PublicPrefixes => [.. QueryParameters.ByRoute.Keys];

    [Theory]
    [MemberData(nameof(PublicPrefixes))]
    public void APublicRouteForwardsOnlyItsQueryParameters(string prefix)
    {
        var forwarded = Forwarded(app.BehaviourFor(prefix));
        Assert.Equal(QueryParameters.ByRoute[prefix].Order(StringComparer.Ordinal), EdgeCacheKeyTests.QueryStrings(forwarded));
    }

    [Theory]
    [InlineData("/api/bands/metallica")]
    [InlineData("/api/festivals/wacken-open-air/editions/2025")]
    [InlineData("/api/v2/bands/metallica")]
    public void AWriteOnAPublicPathKeepsItsApiKey(string path)
    {
        var headers = Forwarded(app.BehaviourFor(path))["HeadersConfig"]!;
        // Every viewer header but Host (API Gateway answers on its own name).
        Assert.Equal("allExcept", headers["HeaderBehavior"]!.GetValue<string>());
        Assert.Equal(["Host"], headers["Headers"]!.AsArray().Select(h => h!.GetValue<string>()));
    }

    [Theory]
    [InlineData("/api/admin/bands")]
    [InlineData("/api/admin/cache/invalidate")]
    [InlineData("/api/unknown")]
    public void AdminAndUnknownPathsForwardEverythingUncached(string path)
    {
        var behaviour = app.BehaviourFor(path);
        Assert.Equal(SynthesizedApp.CachingDisabled, behaviour["CachePolicyId"]!.GetValue<string>());
        Assert.Equal(AllViewerExceptHostHeader, behaviour["OriginRequestPolicyId"]!.GetValue<string>());
    }

    private JsonNode Forwarded(JsonNode behaviour) => app.Referenced(behaviour["OriginRequestPolicyId"]!, "OriginRequestPolicyConfig");
}
