using MetalFests.Api.Http;
using MetalFests.ServiceDefaults.Errors;
using MetalFests.ServiceDefaults.Security;
using MetalFests.Storage.Stores;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MetalFests.FestivalsService.Admin;

/// <summary>The admin side's reads: <c>/api/admin/health</c>, <c>/stats</c>, <c>/audit</c> (read permission).</summary>
public static class AdminApi
{
    public const int DefaultAuditLimit = 20;
    public const int MaxAuditLimit = 100;

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin").WithTags("Admin").ProducesWriteErrors().RequirePermission(Permission.Read);
        api.MapGet("/health", GetHealth).WithName(nameof(GetHealth)).Produces<AdminHealth>().WithSummary("Health of the service and its database");
        api.MapGet("/stats", GetStats).WithName(nameof(GetStats)).WithSummary("Counts of festivals, editions, bands (reviewed/unreviewed), genres and roles");
        api.MapGet("/audit", GetAudit).WithName(nameof(GetAudit))
            .WithSummary("Who changed what, when: newest first")
            .WithDescription($"limit (1–{MaxAuditLimit}, default {DefaultAuditLimit}); after: the previous page's next cursor.");
        return app;
    }

    public static async Task<JsonHttpResult<AdminHealth>> GetHealth(HealthCheckService health, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(cancellationToken);
        var result = new AdminHealth(report.Status.ToString(), report.TotalDuration.TotalMilliseconds,
            report.Entries.ToDictionary(e => e.Key, e => new AdminHealthCheck(e.Value.Status.ToString(), e.Value.Description, e.Value.Duration.TotalMilliseconds)));
        return TypedResults.Json(result, statusCode: report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
    }

    public static async Task<Ok<TableStats>> GetStats(AdminStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.StatsAsync(cancellationToken));

    public static async Task<Results<Ok<AuditPage>, JsonHttpResult<ErrorEnvelope>>> GetAudit(
        HttpContext http, AdminStore store, string? limit, string? after, CancellationToken cancellationToken)
    {
        var size = DefaultAuditLimit;
        if (limit is not null && (!int.TryParse(limit, out size) || size is < 1 or > MaxAuditLimit))
        {
            return ApiError.InvalidParameter("limit", $"must be 1 to {MaxAuditLimit}").ToResult(http);
        }
        if (after is not null && (after.Length > 100 || !after.Contains('#', StringComparison.Ordinal)))
        {
            return ApiError.InvalidParameter("after", "must be the 'next' cursor of a previous page").ToResult(http);
        }
        return TypedResults.Ok(await store.AuditAsync(size, after, cancellationToken));
    }
}

public sealed record AdminHealthCheck(string Status, string? Description, double DurationMs);
public sealed record AdminHealth(string Status, double DurationMs, IReadOnlyDictionary<string, AdminHealthCheck> Checks);
