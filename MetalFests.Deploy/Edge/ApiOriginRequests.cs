using Amazon.CDK.AWS.CloudFront;
using Constructs;

namespace MetalFests.Deploy.Edge;

/// <summary>
/// What a public route's requests carry to API Gateway: only the query parameters the route accepts
/// (the gateway drops the others before forwarding too), and every viewer header but <c>Host</c> — so a
/// write on a public path (<c>PUT /api/bands/{key}</c>, PATCH) keeps its <c>X-Api-Key</c>,
/// <c>If-Match</c> and <c>Content-Type</c>. The key reaches the origin, never the cache key
/// (<see cref="ApiCachePolicy"/>): a GET with a junk key gets the anonymous cached answer, and on a miss
/// the services answer a public read the same with or without a key.
/// </summary>
public static class ApiOriginRequests
{
    public const string HostHeader = "Host";

    public static OriginRequestPolicy Create(Construct scope, string id, IReadOnlyList<string> queryParameters) => new(scope, id, new OriginRequestPolicyProps
    {
        Comment = $"MetalFests public API: every header but Host; query: {ApiCachePolicy.Describe(queryParameters)}",
        QueryStringBehavior = queryParameters.Count == 0 ? OriginRequestQueryStringBehavior.None() : OriginRequestQueryStringBehavior.AllowList([.. queryParameters]),
        HeaderBehavior = OriginRequestHeaderBehavior.DenyList(HostHeader),
        CookieBehavior = OriginRequestCookieBehavior.None(),
    });
}
