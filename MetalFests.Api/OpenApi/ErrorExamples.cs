using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MetalFests.Api.Http;
using MetalFests.Api.Invalidation;
using MetalFests.Api.Writes;
using MetalFests.ServiceDefaults;
using MetalFests.ServiceDefaults.Errors;
using MetalFests.ServiceDefaults.Security;
using MetalFests.Storage.Writes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MetalFests.Api.OpenApi;

/// <summary>
/// An example envelope for each error status an operation lists, made by the same code that makes the real
/// error (the parameter and body checks, <see cref="ApiError"/>, <see cref="WriteErrors"/>), so the documents
/// show exactly what the API answers: its code, message and details, for this operation's resource.
/// </summary>
public static class ErrorExamples
{
    private static readonly DateTime At = new(2026, 6, 20, 10, 0, 0, DateTimeKind.Utc);
    private const string RequestId = "4bf92f3577b34da6a3ce929d0e0e4736";
    private const string MissingKey = "invalid-key";
    private const int Year = 2027;

    /// <summary>A resource's name in errors, and a key of it the examples use, by its path segment.</summary>
    private static readonly Dictionary<string, (string Resource, string Key)> Resources = new(StringComparer.Ordinal)
    {
        ["festivals"] = ("Festival", "hellfest"),
        ["editions"] = (FestivalWrites.EditionResource, FestivalWrites.EditionKey("hellfest", Year)),
        ["bands"] = ("Band", "metallica"),
        ["genres"] = ("Genre", "heavy-metal"),
        ["roles"] = ("Role", "vocals"),
        // GET /api/admin/cache/status?id=: the invalidation the id names.
        ["status"] = (InvalidationApi.Resource, "I4J5K6L7M8N9"),
    };

    public static async Task<JsonNode?> ForAsync(int status, OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var method = context.Description.HttpMethod ?? HttpMethods.Get;
        var path = "/" + (context.Description.RelativePath ?? "");
        var resource = ResourceOf(path);
        var error = status switch
        {
            StatusCodes.Status400BadRequest => await BadRequestAsync(operation, context),
            StatusCodes.Status401Unauthorized => ApiError.Unauthorized(),
            StatusCodes.Status403Forbidden => context.Description.ActionDescriptor.EndpointMetadata.OfType<PermissionRequirement>().LastOrDefault() is { } needed
                ? ApiError.Forbidden(needed.Permission.ToString().ToLowerInvariant())
                : null,
            // An edition is missing when its festival exists but not that year (a PUT creates it: its 404 is the festival's).
            StatusCodes.Status404NotFound when resource is { } r => r.Resource != FestivalWrites.EditionResource ? ApiError.NotFound(r.Resource, MissingKey)
                : HttpMethods.IsPut(method) ? ApiError.NotFound(Resources["festivals"].Resource, MissingKey)
                : ApiError.NotFound(r.Resource, r.Key),
            StatusCodes.Status405MethodNotAllowed => ApiError.MethodNotAllowed(HttpMethods.IsGet(method) || HttpMethods.IsPost(method) ? HttpMethods.Delete : HttpMethods.Post, Concrete(path)),
            StatusCodes.Status409Conflict when resource is { } r => HttpMethods.IsDelete(method)
                ? new WriteError(WriteFailure.StillReferenced, r.Resource, "iron-maiden", ReferencedBy: [FestivalWrites.EditionKey("sweden-rock-festival", 2026)]).ToApiError()
                : new WriteError(WriteFailure.AlreadyExists, r.Resource, r.Key).ToApiError(),
            StatusCodes.Status412PreconditionFailed when resource is { } r => new WriteError(WriteFailure.VersionMismatch, r.Resource, r.Key, CurrentVersion: 4).ToApiError(),
            StatusCodes.Status413PayloadTooLarge => ApiError.PayloadTooLarge(),
            StatusCodes.Status415UnsupportedMediaType => ApiError.UnsupportedMediaType(BodyMediaType(operation)),
            StatusCodes.Status422UnprocessableEntity when resource is { } r => r.Resource == FestivalWrites.EditionResource
                ? new WriteError(WriteFailure.InvalidReferences, r.Resource, r.Key, InvalidBands: [new InvalidReference("iron-maidn", "not found")]).ToApiError()
                : new WriteError(WriteFailure.InvalidReferences, r.Resource, r.Key, InvalidGenres: [new InvalidReference("hard-rok", "not found")], InvalidRoles: []).ToApiError(),
            // The public policy's limit, as a client meets it (the admin policy answers the same way with its own).
            StatusCodes.Status429TooManyRequests => ApiError.RateLimited("public", 1000, 0, 1700740800, 60),
            StatusCodes.Status500InternalServerError => ApiError.Internal,
            StatusCodes.Status503ServiceUnavailable => ApiError.ServiceUnavailable,
            _ => null,
        };
        return error is null
            ? null
            : JsonSerializer.SerializeToNode(new ErrorEnvelope(new ErrorBody(error.Code, error.Message, error.Details, At, RequestId)), ErrorsJsonContext.Relaxed);
    }

    /// <summary>A body the API cannot take (an array, not an object) or, for a read, a malformed key or limit.</summary>
    private static async Task<ApiError?> BadRequestAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        if (operation.RequestBody is not null)
        {
            var http = new DefaultHttpContext();
            var body = "[]"u8.ToArray();
            http.Request.ContentType = BodyMediaType(operation);
            http.Request.ContentLength = body.Length;
            http.Request.Body = new MemoryStream(body);
            var read = await JsonBody.ReadAsync(http.Request, http.Request.ContentType, CancellationToken.None);
            read.Value?.Dispose();
            return read.Error;
        }
        var parameters = context.Description.ParameterDescriptions.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        if (parameters.Contains("key"))
        {
            return Parameters.Key("Hellfest!");
        }
        if (parameters.Contains("limit"))
        {
            var limits = (context.Description.RelativePath ?? "").Contains("bands", StringComparison.Ordinal) ? Paging.Bands : Paging.Festivals;
            return Paging.Parse("0", null, limits).Error;
        }
        if (parameters.Contains("from"))
        {
            return Parameters.Date("20/06/2026", "from").Error;
        }
        if (parameters.Contains("id"))
        {
            return InvalidationApi.MissingId;
        }
        return parameters.Contains("festivals") ? Parameters.KeyList("hellfest,Wacken Open Air", "festivals").Error : null;
    }

    private static string BodyMediaType(OpenApiOperation operation) =>
        operation.RequestBody?.Content?.Keys.FirstOrDefault() ?? MediaTypes.Json;

    /// <summary>The resource a path is about: the segment before its last parameter, or its last segment.</summary>
    private static (string Resource, string Key)? ResourceOf(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var lastParameter = Array.FindLastIndex(segments, s => s.StartsWith('{'));
        var segment = lastParameter > 0 ? segments[lastParameter - 1] : segments.LastOrDefault();
        return segment is not null && Resources.TryGetValue(segment, out var found) ? found : null;
    }

    /// <summary>The path with its parameters filled in: <c>/api/festivals/hellfest/editions/2027</c>.</summary>
    private static string Concrete(string path)
    {
        var segments = path.Split('/');
        var result = new StringBuilder();
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (i > 0)
            {
                result.Append('/');
            }
            if (!segment.StartsWith('{'))
            {
                result.Append(segment);
                continue;
            }
            var end = segment.IndexOf('}', StringComparison.Ordinal);
            var name = segment[1..end];
            result.Append(name == "year" ? Year.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : Resources.TryGetValue(segments[i - 1], out var owner) ? owner.Key : MissingKey);
            result.Append(segment[(end + 1)..]);
        }
        return result.ToString();
    }
}
