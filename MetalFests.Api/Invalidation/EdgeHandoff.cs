using System.Security.Cryptography;
using MetalFests.Api.Http;
using MetalFests.ServiceDefaults.Caching;
using MetalFests.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http;

namespace MetalFests.Api.Invalidation;

/// <summary>
/// The <c>edge</c> provider inside a service: the write response carries the labels and an id, and the local
/// gateway evicts by them (and records the id) before the client sees the answer. The gateway itself answers
/// the manual endpoints; a service has no invalidations of its own to report.
/// </summary>
public sealed class EdgeHandoff(IHttpContextAccessor accessor) : ICacheInvalidator
{
    public Task<IReadOnlyList<string>> PathsOfAsync(ChangedPages pages, CancellationToken cancellationToken) =>
        // Pages that merely show a changed entity carry its label: the edge finds them without a lookup.
        Task.FromResult(InvalidationPaths.For(pages with { ShownBy = new HashSet<EntityPages>() }));

    public Task<Validated<InvalidationStatus>> InvalidateAsync(InvalidationOrder order, CancellationToken cancellationToken)
    {
        var http = accessor.HttpContext ?? throw new InvalidOperationException("The edge is handed labels on a response.");
        SurrogateKeys.Label(http, order.Labels);
        var id = NewId();
        http.Response.Headers[SurrogateKeys.InvalidationIdHeader] = id;
        var now = DateTime.UtcNow;
        return Task.FromResult<Validated<InvalidationStatus>>(
            new InvalidationStatus(id, InvalidationStates.InProgress, order.Paths, order.Reason, order.RequestedBy, now, null, null));
    }

    public Task<Validated<InvalidationStatus>> FindAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult<Validated<InvalidationStatus>>(ApiError.NotFound(InvalidationApi.Resource, id));

    /// <summary>An invalidation id in CloudFront's style (a letter and hex digits).</summary>
    public static string NewId() => "I" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
}
