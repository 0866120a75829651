namespace MetalFests.Api.Invalidation;

/// <summary>
/// Who invalidates cached pages after a write, and where (configuration section <c>CacheInvalidation</c>).
/// <c>edge</c> (default): the local gateway evicts by the write response's labels and answers the manual
/// endpoints. <c>cloudfront</c>: the service calls CloudFront's <c>CreateInvalidation</c> for the write's paths,
/// and the festivals service answers the manual endpoints against CloudFront.
/// </summary>
public sealed class CacheInvalidationOptions
{
    public const string SectionName = "CacheInvalidation";
    public const string EdgeProvider = "edge";
    public const string CloudFrontProvider = "cloudfront";
    public const string DefaultEndpoint = "https://cloudfront.amazonaws.com";

    /// <summary>Environment variable names, for whoever deploys the services.</summary>
    public const string ProviderVariable = SectionName + "__" + nameof(Provider);
    public const string DistributionIdVariable = SectionName + "__" + nameof(DistributionId);
    public const string EndpointVariable = SectionName + "__" + nameof(Endpoint);

    /// <summary><see cref="EdgeProvider"/> or <see cref="CloudFrontProvider"/>.</summary>
    public string Provider { get; set; } = EdgeProvider;

    /// <summary>The CloudFront distribution in front of the API (required for <see cref="CloudFrontProvider"/>).</summary>
    public string? DistributionId { get; set; }

    /// <summary>CloudFront's API; tests point it at a loopback fake.</summary>
    public Uri Endpoint { get; set; } = new(DefaultEndpoint);

    /// <summary>
    /// How long a write waits for CloudFront before it answers with <c>cacheInvalidation.status: "failed"</c>:
    /// CreateInvalidation answers in well under a second when CloudFront is healthy.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);

    public bool UsesCloudFront => string.Equals(Provider, CloudFrontProvider, StringComparison.OrdinalIgnoreCase);
}
