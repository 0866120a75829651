namespace MetalFests.Deploy.Functions;

/// <summary>
/// The configuration keys by which a service picks its cache invalidation (branch <c>invalidation</c>:
/// <c>CacheInvalidation:Provider</c> = <c>edge</c> | <c>cloudfront</c>, <c>CacheInvalidation:DistributionId</c>).
/// </summary>
public static class InvalidationSettings
{
    public const string ProviderVariable = "CacheInvalidation__Provider";
    public const string DistributionIdVariable = "CacheInvalidation__DistributionId";
    public const string CloudFront = "cloudfront";
}
