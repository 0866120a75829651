using MetalFests.Api.Http;
using MetalFests.Api.Invalidation;
using MetalFests.Gateway.Caching;
using MetalFests.ServiceDefaults.Errors;

namespace MetalFests.Gateway.Invalidation;

/// <summary>
/// The <c>edge</c> provider at the gateway: evicts from <see cref="EdgeCache"/> by label and by path (CloudFront's
/// patterns), at once, and keeps the record for the status endpoint.
/// </summary>
public sealed class EdgeInvalidator(EdgeCache cache, InvalidationLog log) : ICacheInvalidator
{
    public Task<IReadOnlyList<string>> PathsOfAsync(ChangedPages pages, CancellationToken cancellationToken) =>
        Task.FromResult(InvalidationPaths.For(pages));

    public Task<Validated<InvalidationStatus>> InvalidateAsync(InvalidationOrder order, CancellationToken cancellationToken)
    {
        var started = cache.Now.UtcDateTime;
        var evicted = cache.EvictLabels(order.Labels) + cache.EvictPaths(order.Paths);
        var status = new InvalidationStatus(EdgeHandoff.NewId(), InvalidationStates.Completed, order.Paths, order.Reason, order.RequestedBy,
            started, cache.Now.UtcDateTime, evicted);
        log.Add(status);
        return Task.FromResult<Validated<InvalidationStatus>>(status);
    }

    public Task<Validated<InvalidationStatus>> FindAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult<Validated<InvalidationStatus>>(log.Find(id) is { } status ? status : ApiError.NotFound(InvalidationApi.Resource, id));
}
