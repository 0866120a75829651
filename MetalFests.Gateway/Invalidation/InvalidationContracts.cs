namespace MetalFests.Gateway.Invalidation;

/// <summary>The seed's example 5 request.</summary>
public sealed record InvalidationRequest(IReadOnlyList<string>? Paths, string? Reason);

/// <summary>The seed's example 5 response (evictions are immediate here, so the status is final at once).</summary>
public sealed record InvalidationResponse(bool Success, string InvalidationId, string Status, IReadOnlyList<string> Paths, DateTime EstimatedCompletion, int EvictedEntries);

/// <summary><c>GET /api/admin/cache/status?id=</c>.</summary>
public sealed record InvalidationStatus(string InvalidationId, string Status, IReadOnlyList<string> Paths, string? Reason, string RequestedBy, DateTime CreatedAt, DateTime CompletedAt, int EvictedEntries);

public static class InvalidationStates
{
    public const string Completed = "Completed";
}
