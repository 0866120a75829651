using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MetalFests.ServiceDefaults.Errors;

/// <summary>
/// An error as a value: what went wrong, the HTTP status it means, and the details a client needs
/// (the parameter or field at fault). <see cref="ToResult"/> is the one place it becomes the envelope.
/// </summary>
public sealed record ApiError(int Status, string Code, string Message, IReadOnlyDictionary<string, object?> Details)
{
    /// <summary>The detail (and <c>Retry-After</c> header) saying how many seconds to wait before retrying.</summary>
    public const string RetryAfterDetail = "retryAfterSeconds";

    private static readonly IReadOnlyDictionary<string, object?> NoDetails = new Dictionary<string, object?>();

    public static ApiError NotFound(string resource, string key) =>
        new(StatusCodes.Status404NotFound, ErrorCodes.ResourceNotFound, $"{resource} with key '{key}' not found",
            new Dictionary<string, object?> { ["resource"] = resource, ["key"] = key });

    public static ApiError RouteNotFound(string path) =>
        new(StatusCodes.Status404NotFound, ErrorCodes.ResourceNotFound, $"No resource at '{path}'",
            new Dictionary<string, object?> { ["path"] = path });

    /// <summary>
    /// <see cref="RouteNotFound"/> without the path, for answers that cannot quote it: API Gateway's own (its gateway
    /// response templates substitute variables without escaping them into JSON).
    /// </summary>
    public static readonly ApiError NoRoute =
        new(StatusCodes.Status404NotFound, ErrorCodes.ResourceNotFound, "No resource at this path", NoDetails);

    /// <summary>A bad query or path parameter: <c>details.parameter</c> names it.</summary>
    public static ApiError InvalidParameter(string parameter, string reason) =>
        new(StatusCodes.Status400BadRequest, ErrorCodes.ValidationError, $"Invalid parameter '{parameter}': {reason}",
            new Dictionary<string, object?> { ["parameter"] = parameter, ["reason"] = reason });

    public static ApiError BadRequest(string message) =>
        new(StatusCodes.Status400BadRequest, ErrorCodes.ValidationError, message, NoDetails);

    /// <summary>A request refused before any endpoint could say why (a bare 400 from the framework or a proxy).</summary>
    public static readonly ApiError Malformed = BadRequest("The request is malformed");

    public static ApiError MethodNotAllowed(string method, string path) =>
        new(StatusCodes.Status405MethodNotAllowed, ErrorCodes.MethodNotAllowed, $"Method {method} is not allowed on '{path}'",
            new Dictionary<string, object?> { ["method"] = method });

    public static ApiError Unauthorized() =>
        new(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized, "A valid API key is required in the X-Api-Key header", NoDetails);

    public static ApiError Forbidden(string permission) =>
        new(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, $"The API key lacks the '{permission}' permission",
            new Dictionary<string, object?> { ["requiredPermission"] = permission });

    /// <summary>A bad field of a request body: <c>details.field</c> names it.</summary>
    public static ApiError InvalidField(string field, string reason) =>
        new(StatusCodes.Status400BadRequest, ErrorCodes.ValidationError, $"Invalid field '{field}': {reason}",
            new Dictionary<string, object?> { ["field"] = field, ["reason"] = reason });

    /// <summary>
    /// Every bad field of a request body, so that one answer lists all that needs fixing:
    /// <c>details.field</c> and <c>details.reason</c> name the first (as <see cref="InvalidField"/> does),
    /// <c>details.fields</c> lists them all.
    /// </summary>
    public static ApiError Validation(IReadOnlyList<FieldError> errors)
    {
        ArgumentOutOfRangeException.ThrowIfZero(errors.Count);
        // An array: a details value is serialized by its runtime type, and ErrorsJsonContext lists FieldError[].
        FieldError[] fields = [.. errors];
        return new(StatusCodes.Status400BadRequest, ErrorCodes.ValidationError,
            "Invalid request body: " + string.Join("; ", fields.Select(error => $"'{error.Field}' {error.Reason}")),
            new Dictionary<string, object?> { ["field"] = fields[0].Field, ["reason"] = fields[0].Reason, ["fields"] = fields });
    }

    /// <summary>A body that is not declared as JSON: <c>details.field</c> is the <c>Content-Type</c> header.</summary>
    public static ApiError UnsupportedMediaType(string mediaType = MediaTypes.Json) =>
        new(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.ValidationError, $"Unsupported Content-Type: the body must be {mediaType} (UTF-8)",
            new Dictionary<string, object?> { ["field"] = "Content-Type", ["reason"] = $"must be {mediaType} (UTF-8)" });

    /// <summary>The seed's rate-limit response: <c>details {limit, remaining, reset}</c> (reset as a Unix time).</summary>
    public static ApiError RateLimited(string policy, int limit, int remaining, long reset, int retryAfterSeconds) =>
        new(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimitExceeded, $"Rate limit exceeded. Please retry after {retryAfterSeconds} seconds.",
            new Dictionary<string, object?> { ["policy"] = policy, ["limit"] = limit, ["remaining"] = remaining, ["reset"] = reset });

    public static ApiError PayloadTooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge, "Request body too large", NoDetails);

    /// <summary>An outage (a dependency unreachable or too slow): a 503 with <c>Retry-After</c> as <see cref="OutageRetry"/> says.</summary>
    public static readonly ApiError ServiceUnavailable = Unavailable("A backend service is unavailable; retry later", OutageRetry.After);

    /// <summary>A 503 that says when to retry: <c>Retry-After</c> and <c>details.retryAfterSeconds</c>.</summary>
    public static ApiError Unavailable(string message, TimeSpan retryAfter) =>
        new(StatusCodes.Status503ServiceUnavailable, ErrorCodes.ServiceUnavailable, message,
            new Dictionary<string, object?> { [RetryAfterDetail] = (int)Math.Ceiling(retryAfter.TotalSeconds) });

    public static readonly ApiError Internal =
        new(StatusCodes.Status500InternalServerError, ErrorCodes.InternalError, "An unexpected error occurred", NoDetails);

    /// <summary>The envelope for this error; the request id is the trace id, so a report leads to the trace.</summary>
    public ErrorEnvelope ToEnvelope(HttpContext context) =>
        new(new ErrorBody(Code, Message, Details, DateTime.UtcNow, RequestId(context)));

    public JsonHttpResult<ErrorEnvelope> ToResult(HttpContext context)
    {
        if (Details.TryGetValue(RetryAfterDetail, out var seconds) && seconds is int wait)
        {
            context.Response.Headers.RetryAfter = wait.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return TypedResults.Json(ToEnvelope(context), ErrorsJsonContext.Relaxed, statusCode: Status);
    }

    public static string RequestId(HttpContext context) =>
        Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
}
