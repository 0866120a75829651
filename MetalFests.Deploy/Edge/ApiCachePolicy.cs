using Amazon.CDK;
using Amazon.CDK.AWS.CloudFront;
using Constructs;
using MetalFests.Api.Http;

namespace MetalFests.Deploy.Edge;

/// <summary>
/// CloudFront keeps API answers exactly as long as the services' <c>Cache-Control</c> says (the seed's
/// TTL table, <see cref="CacheTtl"/>): no default TTL (an answer without one is not kept), a maximum no
/// shorter than the longest TTL the services announce; every query string in the key; br/gzip.
/// </summary>
public static class ApiCachePolicy
{
    /// <summary>The longest TTL any endpoint announces.</summary>
    public static TimeSpan LongestTtl { get; } = typeof(CacheTtl)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(field => field.FieldType == typeof(TimeSpan))
        .Max(field => (TimeSpan)field.GetValue(null)!);

    public static CachePolicy Create(Construct scope, string id) => new(scope, id, new CachePolicyProps
    {
        Comment = "MetalFests API: the origin's Cache-Control decides; query strings in the key",
        DefaultTtl = Duration.Seconds(0),
        MinTtl = Duration.Seconds(0),
        MaxTtl = Duration.Seconds(LongestTtl.TotalSeconds),
        QueryStringBehavior = CacheQueryStringBehavior.All(),
        HeaderBehavior = CacheHeaderBehavior.None(),
        CookieBehavior = CacheCookieBehavior.None(),
        EnableAcceptEncodingGzip = true,
        EnableAcceptEncodingBrotli = true,
    });
}
