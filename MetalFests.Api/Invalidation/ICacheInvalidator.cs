using MetalFests.Api.Http;

namespace MetalFests.Api.Invalidation;

/// <summary>
/// Removes cached pages: the local edge (<c>CacheInvalidation:Provider=edge</c>) or CloudFront (<c>cloudfront</c>).
/// Writes and the manual endpoints (<see cref="InvalidationApi"/>) both go through it.
/// </summary>
public interface ICacheInvalidator
{
    /// <summary>The paths to invalidate for the pages a write changed (relations the write does not know looked up if this provider needs them).</summary>
    Task<IReadOnlyList<string>> PathsOfAsync(ChangedPages pages, CancellationToken cancellationToken);

    /// <summary>Invalidates, or says why it could not (the envelope's error).</summary>
    Task<Validated<InvalidationStatus>> InvalidateAsync(InvalidationOrder order, CancellationToken cancellationToken);

    /// <summary>An invalidation by id, or RESOURCE_NOT_FOUND.</summary>
    Task<Validated<InvalidationStatus>> FindAsync(string id, CancellationToken cancellationToken);
}
