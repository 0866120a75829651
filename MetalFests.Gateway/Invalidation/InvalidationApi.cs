using System.Security.Cryptography;
using System.Text.Json;
using MetalFests.Gateway.Caching;
using MetalFests.Gateway.Routing;
using MetalFests.ServiceDefaults.Errors;
using MetalFests.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MetalFests.Gateway.Invalidation;

/// <summary>Manual invalidation (the seed's <c>POST /api/admin/cache/invalidate</c>) and its status.</summary>
public static class InvalidationApi
{
    public const int MaxPaths = 100;
    public const int MaxPathLength = 512;

    public static IEndpointRouteBuilder MapInvalidationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(RouteTable.AdminCachePath).WithTags("Cache").RequireCors(Cors.CorsPolicies.Admin);
        api.MapPost("/invalidate", Invalidate).RequirePermission(Permission.Write).WithName(nameof(Invalidate));
        api.MapGet("/status", Status).RequirePermission(Permission.Read).WithName(nameof(Status));
        return app;
    }

    public static async Task<Results<Ok<InvalidationResponse>, JsonHttpResult<ErrorEnvelope>>> Invalidate(
        HttpContext http, EdgeCache cache, InvalidationLog log, ILogger<InvalidationLog> logger)
    {
        var (request, unreadable) = await ReadAsync(http.Request);
        if ((unreadable ?? Validate(request)) is { } error)
        {
            return error.ToResult(http);
        }
        var paths = request!.Paths!;
        var started = cache.Now.UtcDateTime;
        var evicted = cache.EvictPaths(paths);
        var id = "I" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        var key = http.CurrentKey();
        log.Add(new InvalidationStatus(id, InvalidationStates.Completed, paths, request.Reason, key.Id, started, cache.Now.UtcDateTime, evicted));
        logger.LogInformation("Invalidation {InvalidationId} by key {KeyId}: {Paths} ({Evicted} entries), reason {Reason}", id, key.Id, paths, evicted, request.Reason);
        return TypedResults.Ok(new InvalidationResponse(true, id, InvalidationStates.Completed, paths, cache.Now.UtcDateTime, evicted));
    }

    public static Results<Ok<InvalidationStatus>, JsonHttpResult<ErrorEnvelope>> Status(HttpContext http, string? id, InvalidationLog log)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return ApiError.InvalidParameter("id", "is required").ToResult(http);
        }
        return log.Find(id) is { } status ? TypedResults.Ok(status) : ApiError.NotFound("Invalidation", id).ToResult(http);
    }

    /// <summary>
    /// The body, read by the handler rather than bound as a parameter: binding runs before endpoint filters, so a
    /// caller without a key would hear about its body (400) or its Content-Type (the endpoint not matching: 404)
    /// instead of the 401 it is owed.
    /// </summary>
    private static async Task<(InvalidationRequest? Request, ApiError? Error)> ReadAsync(HttpRequest request)
    {
        if (!request.HasJsonContentType())
        {
            return (null, ApiError.UnsupportedMediaType());
        }
        try
        {
            return (await request.ReadFromJsonAsync(GatewayJsonContext.Default.InvalidationRequest, request.HttpContext.RequestAborted), null);
        }
        catch (JsonException)
        {
            return (null, ApiError.InvalidField("body", "must be a JSON object such as {\"paths\": [\"/api/bands/metallica\"]}"));
        }
    }

    /// <summary>
    /// Paths are absolute API paths: exact (<c>/api/bands/metallica</c>) or a prefix wildcard ending in
    /// <c>/*</c> (<c>/api/festivals/*</c>); no other <c>*</c>, no query, no <c>..</c>.
    /// </summary>
    private static ApiError? Validate(InvalidationRequest? request)
    {
        if (request?.Paths is not { Count: > 0 } paths)
        {
            return ApiError.InvalidField("paths", "must be a non-empty array of paths");
        }
        if (paths.Count > MaxPaths)
        {
            return ApiError.InvalidField("paths", $"at most {MaxPaths} paths per invalidation");
        }
        for (var i = 0; i < paths.Count; i++)
        {
            var path = paths[i];
            var body = path?.EndsWith("/*", StringComparison.Ordinal) == true ? path[..^2] : path;
            if (path is null || path.Length > MaxPathLength || !path.StartsWith("/api/", StringComparison.Ordinal) && path != "/api/*"
                || body!.Contains('*') || path.Contains('?') || path.Contains("..", StringComparison.Ordinal) || path.Contains("//", StringComparison.Ordinal)
                || path.Any(char.IsWhiteSpace))
            {
                return ApiError.InvalidField($"paths[{i}]", "must be an absolute /api/ path, exact or ending in /* (no query, no other wildcard)");
            }
        }
        return null;
    }
}
