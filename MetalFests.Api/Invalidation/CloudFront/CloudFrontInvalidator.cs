using MetalFests.Api.Http;
using MetalFests.ServiceDefaults.Errors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MetalFests.Api.Invalidation.CloudFront;

/// <summary>
/// The <c>cloudfront</c> provider: CreateInvalidation for a write's paths or a manual request, GetInvalidation for
/// the status. Every call is bounded by <see cref="CacheInvalidationOptions.Timeout"/> (the client's timeout).
/// </summary>
public sealed class CloudFrontInvalidator(CloudFrontClient cloudFront, PageRelations relations, IOptions<CacheInvalidationOptions> options,
    ILogger<CloudFrontInvalidator> logger) : ICacheInvalidator
{
    private string DistributionId => options.Value.DistributionId is { Length: > 0 } id
        ? id
        : throw new InvalidOperationException($"{CacheInvalidationOptions.SectionName}:{nameof(CacheInvalidationOptions.DistributionId)} is required with the {CacheInvalidationOptions.CloudFrontProvider} provider.");

    public async Task<IReadOnlyList<string>> PathsOfAsync(ChangedPages pages, CancellationToken cancellationToken) =>
        InvalidationPaths.For(await relations.ResolveAsync(pages, cancellationToken));

    public async Task<Validated<InvalidationStatus>> InvalidateAsync(InvalidationOrder order, CancellationToken cancellationToken)
    {
        // Unique per call: CloudFront treats a repeated reference with the same paths as the same invalidation.
        var callerReference = $"metalfests-{Guid.NewGuid():N}";
        var answer = await cloudFront.CreateInvalidationAsync(DistributionId, order.Paths, callerReference, cancellationToken);
        if (answer.Failure is { } failure)
        {
            logger.LogWarning("CloudFront invalidation of {Paths} for {Reason} failed: {Status} {Code} {Message}",
                order.Paths, order.Reason, failure.HttpStatus, failure.Code, failure.Message);
            return CloudFrontErrors.ToApiError(failure);
        }
        var created = answer.Invalidation!;
        logger.LogInformation("CloudFront invalidation {InvalidationId} by {RequestedBy} for {Reason}: {Paths}", created.Id, order.RequestedBy, order.Reason, order.Paths);
        return Status(created, order.Reason, order.RequestedBy);
    }

    public async Task<Validated<InvalidationStatus>> FindAsync(string id, CancellationToken cancellationToken)
    {
        var answer = await cloudFront.GetInvalidationAsync(DistributionId, id, cancellationToken);
        return answer.Failure is { } failure ? CloudFrontErrors.ToApiError(failure, id) : Status(answer.Invalidation!, null, null);
    }

    private static InvalidationStatus Status(CloudFrontInvalidation invalidation, string? reason, string? requestedBy) =>
        new(invalidation.Id, invalidation.Status, invalidation.Paths, reason, requestedBy, invalidation.CreateTime, null, null);
}
