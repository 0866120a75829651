namespace MetalFests.Api.Invalidation;

/// <summary>The seed's example 5 request.</summary>
public sealed record InvalidationRequest(IReadOnlyList<string>? Paths, string? Reason);

/// <summary>
/// The seed's example 5 response. At the local edge evictions are immediate (status <c>Completed</c>, with the
/// count of evicted entries); CloudFront answers <c>InProgress</c> and finishes within minutes.
/// </summary>
public sealed record InvalidationResponse(bool Success, string InvalidationId, string Status, IReadOnlyList<string> Paths, DateTime EstimatedCompletion, int? EvictedEntries);

/// <summary><c>GET /api/admin/cache/status?id=</c> (reason and requester are known to the edge, not to CloudFront).</summary>
public sealed record InvalidationStatus(string InvalidationId, string Status, IReadOnlyList<string> Paths, string? Reason, string? RequestedBy,
    DateTime CreatedAt, DateTime? CompletedAt, int? EvictedEntries);

public static class InvalidationStates
{
    public const string InProgress = "InProgress";
    public const string Completed = "Completed";

    /// <summary>A write's <c>cacheInvalidation</c> when the provider refused or did not answer (the write itself stands).</summary>
    public const string Failed = "failed";
}

/// <summary>What to invalidate: paths for a CDN, labels for an edge that evicts by label, and who asked why.</summary>
public sealed record InvalidationOrder(IReadOnlyList<string> Paths, IReadOnlyCollection<string> Labels, string? Reason, string RequestedBy);
