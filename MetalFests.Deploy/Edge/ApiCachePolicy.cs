using Amazon.CDK;
using Amazon.CDK.AWS.CloudFront;
using Constructs;
using MetalFests.Api.Http;

namespace MetalFests.Deploy.Edge;

/// <summary>
/// CloudFront keeps API answers exactly as long as the services' <c>Cache-Control</c> says (the seed's
/// TTL table, <see cref="CacheTtl"/>): no default TTL (an answer without one is not kept), a maximum no
/// shorter than the longest TTL the services announce; in the key only the query parameters the route
/// accepts (the gateway's <c>QueryParameters.ByRoute</c>), no header (so not <c>X-Api-Key</c>), no cookie; br/gzip.
/// </summary>
public static class ApiCachePolicy
{
    /// <summary>The longest TTL any endpoint announces.</summary>
    public static TimeSpan LongestTtl { get; } = typeof(CacheTtl)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(field => field.FieldType == typeof(TimeSpan))
        .Max(field => (TimeSpan)field.GetValue(null)!);

    public static CachePolicy Create(Construct scope, string id, IReadOnlyList<string> queryParameters) => new(scope, id, new CachePolicyProps
    {
        Comment = $"MetalFests API: the origin's Cache-Control decides; in the key: {Describe(queryParameters)}",
        DefaultTtl = Duration.Seconds(0),
        MinTtl = Duration.Seconds(0),
        MaxTtl = Duration.Seconds(LongestTtl.TotalSeconds),
        QueryStringBehavior = queryParameters.Count == 0 ? CacheQueryStringBehavior.None() : CacheQueryStringBehavior.AllowList([.. queryParameters]),
        HeaderBehavior = CacheHeaderBehavior.None(),
        CookieBehavior = CacheCookieBehavior.None(),
        EnableAcceptEncodingGzip = true,
        EnableAcceptEncodingBrotli = true,
    });

    public static string Describe(IReadOnlyList<string> queryParameters) =>
        queryParameters.Count == 0 ? "no query string" : string.Join(", ", queryParameters);
}
