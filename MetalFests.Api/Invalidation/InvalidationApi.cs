using System.Text.Json;
using MetalFests.Api.Invalidation.CloudFront;
using MetalFests.Api.Writes;
using MetalFests.ServiceDefaults.Errors;
using MetalFests.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace MetalFests.Api.Invalidation;

/// <summary>
/// Manual invalidation (the seed's <c>POST /api/admin/cache/invalidate</c>) and its status, against whichever
/// <see cref="ICacheInvalidator"/> is configured: the gateway maps them for the local edge, the festivals service
/// for CloudFront.
/// </summary>
public static class InvalidationApi
{
    public const string Path = "/api/admin/cache";
    public const int MaxPaths = 100;
    public const int MaxPathLength = 512;

    /// <summary>How long the seed's example expects an invalidation to take, for <c>estimatedCompletion</c>.</summary>
    public static readonly TimeSpan EstimatedDuration = TimeSpan.FromMinutes(5);

    public static RouteGroupBuilder MapInvalidationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Path).WithTags("Cache");
        api.MapPost("/invalidate", Invalidate).RequirePermission(Permission.Write).WithName(nameof(Invalidate));
        api.MapGet("/status", Status).RequirePermission(Permission.Read).WithName(nameof(Status));
        return api;
    }

    public static async Task<Results<Ok<InvalidationResponse>, JsonHttpResult<ErrorEnvelope>>> Invalidate(
        HttpContext http, ICacheInvalidator invalidator, ILogger<ICacheInvalidator> logger, CancellationToken cancellationToken)
    {
        var (request, unreadable) = await ReadAsync(http.Request);
        if ((unreadable ?? Validate(request)) is { } error)
        {
            return error.ToResult(http);
        }
        var key = http.CurrentKey();
        var done = await invalidator.InvalidateAsync(new InvalidationOrder(request!.Paths!, [], request.Reason, key.Id), cancellationToken);
        if (done.Error is { } refused)
        {
            return Refused(http, refused);
        }
        var status = done.Value!;
        logger.LogInformation("Invalidation {InvalidationId} by key {KeyId}: {Paths}, reason {Reason}", status.InvalidationId, key.Id, status.Paths, request.Reason);
        return TypedResults.Ok(new InvalidationResponse(true, status.InvalidationId, status.Status, status.Paths,
            status.CompletedAt ?? status.CreatedAt + EstimatedDuration, status.EvictedEntries));
    }

    public static async Task<Results<Ok<InvalidationStatus>, JsonHttpResult<ErrorEnvelope>>> Status(
        HttpContext http, string? id, ICacheInvalidator invalidator, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return ApiError.InvalidParameter("id", "is required").ToResult(http);
        }
        var found = await invalidator.FindAsync(id, cancellationToken);
        return found.Error is { } error ? Refused(http, error) : TypedResults.Ok(found.Value!);
    }

    /// <summary>The envelope; <see cref="ApiError.ToResult"/> adds <c>Retry-After</c> when the provider said how long to wait.</summary>
    private static JsonHttpResult<ErrorEnvelope> Refused(HttpContext http, ApiError error) => error.ToResult(http);

    /// <summary>
    /// The body, read by the handler rather than bound as a parameter, so that every refusal is the envelope naming
    /// the field: not JSON (415), not a JSON object (<c>body</c>), a field the contract does not have (each named:
    /// <c>{"paths": [...], "ttl": 0}</c> is refused, not half-obeyed). The key is checked before, by the authorization
    /// middleware.
    /// </summary>
    private static async Task<(InvalidationRequest? Request, ApiError? Error)> ReadAsync(HttpRequest request)
    {
        if (!request.HasJsonContentType())
        {
            return (null, ApiError.UnsupportedMediaType());
        }
        var contract = InvalidationJsonContext.Default.InvalidationRequest;
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            if (body.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, NotAnObject);
            }
            // Only the contract's fields (paths, reason): any other is named, not silently ignored.
            FieldError[] unknown = [.. body.RootElement.EnumerateObject()
                .Where(field => !contract.Properties.Any(known => known.Name.Equals(field.Name, StringComparison.OrdinalIgnoreCase)))
                .Select(field => new FieldError(field.Name, FieldReader.UnknownField))];
            return unknown.Length > 0 ? (null, ApiError.Validation(unknown)) : (body.RootElement.Deserialize(contract), null);
        }
        catch (JsonException)
        {
            return (null, NotAnObject);
        }
    }

    private static readonly ApiError NotAnObject = ApiError.InvalidField("body", "must be a JSON object such as {\"paths\": [\"/api/bands/metallica\"]}");

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
