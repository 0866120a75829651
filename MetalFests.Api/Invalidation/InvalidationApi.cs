using System.Text.Json;
using MetalFests.Api.Http;
using MetalFests.Api.Invalidation.CloudFront;
using MetalFests.Api.OpenApi;
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

    /// <summary>What a status request without an id is answered (also the documents' example).</summary>
    public static ApiError MissingId => ApiError.InvalidParameter("id", "is required");

    /// <summary>The resource an unknown id names, in a 404.</summary>
    public const string Resource = "Invalidation";

    public static RouteGroupBuilder MapInvalidationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Path).WithTags("Admin: cache").ProducesWriteErrors();
        api.MapPost("/invalidate", Invalidate).RequirePermission(Permission.Write).WithName("InvalidateCache")
            .DocumentsBody<InvalidationRequest, RouteHandlerBuilder>().WithRequestExample(WorkedExamples.InvalidationPost)
            .WithResponseExample(StatusCodes.Status200OK, WorkedExamples.InvalidationAccepted)
            .WithSummary("Invalidate cached pages: exact paths, or a prefix ending in *")
            .WithDescription($"At most {MaxPaths} paths of at most {MaxPathLength} characters, each starting with /api/. " +
                "The local edge evicts at once (Completed, with the entries evicted); CloudFront answers InProgress and finishes within minutes.");
        api.MapGet("/status", Status).RequirePermission(Permission.Read).WithName("GetCacheInvalidation")
            .AlsoAnswers(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, WorkedExamples.InvalidationState)
            .WithSummary("The state of an invalidation, by the id its order answered with");
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
            return MissingId.ToResult(http);
        }
        var found = await invalidator.FindAsync(id, cancellationToken);
        return found.Error is { } error ? Refused(http, error) : TypedResults.Ok(found.Value!);
    }

    /// <summary>The envelope; <see cref="ApiError.ToResult"/> adds <c>Retry-After</c> when the provider said how long to wait.</summary>
    private static JsonHttpResult<ErrorEnvelope> Refused(HttpContext http, ApiError error) => error.ToResult(http);

    /// <summary>
    /// The body, read by the handler rather than bound as a parameter, so that every refusal is the envelope naming
    /// the field: read by the rules of every write (<see cref="JsonBody"/>: 415, 413, UTF-8, one JSON object), then
    /// only the contract's fields (<c>{"paths": [...], "ttl": 0}</c> is refused, not half-obeyed), each of its type.
    /// The key is checked before, by the authorization middleware.
    /// </summary>
    private static async Task<(InvalidationRequest? Request, ApiError? Error)> ReadAsync(HttpRequest request)
    {
        var read = await JsonBody.ReadAsync(request, request.HttpContext.RequestAborted);
        if (read.Error is { } refused)
        {
            return (null, refused);
        }
        using var body = read.Value!;
        var contract = InvalidationJsonContext.Default.InvalidationRequest;
        FieldError[] unknown = [.. body.RootElement.EnumerateObject()
            .Where(field => !contract.Properties.Any(known => known.Name.Equals(field.Name, StringComparison.OrdinalIgnoreCase)))
            .Select(field => new FieldError(field.Name, FieldReader.UnknownField))];
        if (unknown.Length > 0)
        {
            return (null, ApiError.Validation(unknown));
        }
        try
        {
            return (body.RootElement.Deserialize(contract), null);
        }
        catch (JsonException e)
        {
            // A field of another type: named by its JSON path ($.paths[0] → paths[0]).
            var field = e.Path?.TrimStart('$', '.') is { Length: > 0 } named ? named : JsonBody.BodyField;
            return (null, ApiError.InvalidField(field, "must be of the contract's type: {\"paths\": [\"/api/bands/metallica\"], \"reason\": \"...\"}"));
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
