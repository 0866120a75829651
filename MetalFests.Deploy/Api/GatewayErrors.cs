using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.CDK.AWS.APIGateway;
using MetalFests.Gateway.RateLimiting;
using MetalFests.ServiceDefaults.Errors;
using Microsoft.Net.Http.Headers;

namespace MetalFests.Deploy.Api;

/// <summary>
/// One of API Gateway's own answers (a gateway response type) as the local system answers the same situation.
/// </summary>
/// <param name="Type">API Gateway's name for it (<c>THROTTLED</c>, <c>INTEGRATION_TIMEOUT</c>, …).</param>
/// <param name="Error">The application's error for the same situation: its status, code, message and details.</param>
/// <param name="RetryAfterSeconds">The <c>Retry-After</c> the local system sends with it, if it sends one.</param>
/// <param name="CatchAll">
/// <c>DEFAULT_4XX</c>/<c>DEFAULT_5XX</c>: API Gateway's own status is kept (a status set on them becomes the status of
/// every type left to them), so only the body is the envelope.
/// </param>
public sealed record GatewayAnswer(string Type, ApiError Error, int? RetryAfterSeconds = null, bool CatchAll = false);

/// <summary>
/// API Gateway's own answers in the seed's error envelope, with the status, code, message and <c>Retry-After</c> the
/// local gateway and services give for the same situation. A gateway response template is not VTL: it substitutes
/// <c>$context</c> variables as they are, with no escaping and no logic, so every message is fixed and only variables
/// that cannot break a JSON string are substituted (the request id; a catch-all's response type). There is no
/// ISO-8601 time among those variables, so these envelopes carry no <c>timestamp</c> (see README, "Deploy to AWS").
/// </summary>
public static class GatewayErrors
{
    /// <summary>The one content type the templates are for (API Gateway's default when a client names none).</summary>
    public const string ContentType = "application/json";

    /// <summary>API Gateway's request id (a UUID): the envelope's <c>requestId</c>, and the key of its access logs.</summary>
    public const string RequestIdVariable = "$context.requestId";

    /// <summary>The gateway response type (an upper-case name): the catch-alls' <c>details.gatewayResponse</c>.</summary>
    public const string ResponseTypeVariable = "$context.error.responseType";
    public const string ResponseTypeDetail = "gatewayResponse";

    /// <summary>
    /// An exhausted monthly quota resets at the start of the next month, which a template cannot compute (the local
    /// edge sends the seconds until then). An hour: a client that waits so long asks ~720 times a month at most,
    /// notices the reset within the hour, and notices a raised quota within the hour too.
    /// </summary>
    public static readonly TimeSpan QuotaRetryAfter = TimeSpan.FromHours(1);

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Every gateway response type that can occur for this API (no authorizer, no IAM signing, no WAF on the stage, no body models), and the catch-alls.</summary>
    public static IReadOnlyList<GatewayAnswer> For(RateLimitOptions limits)
    {
        // Throttling is a token bucket, here as at the local edge (public: the stage; admin: the key's plan).
        var throttled = Rejection.RetryAfterSeconds(TokenBucket.LongestWait(Math.Min(limits.PublicRatePerSecond, limits.AdminRatePerSecond)));
        var quota = Rejection.RetryAfterSeconds(QuotaRetryAfter);
        var outage = (int)ApiError.ServiceUnavailable.Details[ApiError.RetryAfterDetail]!;
        return
        [
            // An unknown path (or method): the local gateway's 404, not "Missing Authentication Token".
            new("MISSING_AUTHENTICATION_TOKEN", ApiError.NoRoute),
            new("RESOURCE_NOT_FOUND", ApiError.NoRoute),
            // A missing or unknown key where one is required: the services' 401.
            new("INVALID_API_KEY", ApiError.Unauthorized()),
            new("THROTTLED", RateLimited(throttled), throttled),
            new("QUOTA_EXCEEDED", RateLimited(quota), quota),
            // The request validator's only check: a proxy path's parameter is present.
            new("BAD_REQUEST_PARAMETERS", ApiError.Malformed),
            new("REQUEST_TOO_LARGE", ApiError.PayloadTooLarge()),
            // The function could not be invoked (throttled, failed) or took longer than API Gateway's 29 s: the local
            // gateway's answer to a service that is down or too slow.
            new("INTEGRATION_FAILURE", ApiError.ServiceUnavailable, outage),
            new("INTEGRATION_TIMEOUT", ApiError.ServiceUnavailable, outage),
            new("API_CONFIGURATION_ERROR", ApiError.Internal),
            new("DEFAULT_4XX", ApiError.Malformed, CatchAll: true),
            new("DEFAULT_5XX", ApiError.Internal, CatchAll: true),
        ];
    }

    public static void AddTo(RestApi api, RateLimitOptions limits)
    {
        foreach (var answer in For(limits))
        {
            api.AddGatewayResponse(answer.Type, new GatewayResponseOptions
            {
                Type = ResponseType_.Of(answer.Type),
                StatusCode = answer.CatchAll ? null : answer.Error.Status.ToString(CultureInfo.InvariantCulture),
                ResponseHeaders = HeadersOf(answer),
                Templates = new Dictionary<string, string> { [ContentType] = TemplateOf(answer) },
            });
        }
    }

    /// <summary>
    /// The envelope with the request id (and a catch-all's response type) left as variables for API Gateway to fill in.
    /// No <c>timestamp</c>: see the class summary.
    /// </summary>
    public static string TemplateOf(GatewayAnswer answer)
    {
        var details = JsonSerializer.SerializeToNode(answer.Error.Details, ErrorsJsonContext.Default.Options)!.AsObject();
        if (answer.CatchAll)
        {
            details[ResponseTypeDetail] = ResponseTypeVariable;
        }
        var envelope = new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = answer.Error.Code,
                ["message"] = answer.Error.Message,
                ["details"] = details,
                ["requestId"] = RequestIdVariable,
            },
        };
        return envelope.ToJsonString(Relaxed);
    }

    /// <summary>
    /// <c>Retry-After</c> where the local system sends it, and a 429's <c>Cache-Control</c>. No CORS or security header:
    /// as on the services' answers, CloudFront's response headers policies add them to every API response.
    /// </summary>
    private static Dictionary<string, string>? HeadersOf(GatewayAnswer answer)
    {
        if (answer.RetryAfterSeconds is not { } seconds)
        {
            return null;
        }
        var headers = new Dictionary<string, string> { [HeaderNames.RetryAfter] = Quoted(seconds.ToString(CultureInfo.InvariantCulture)) };
        if (answer.Error.Code == ErrorCodes.RateLimitExceeded)
        {
            headers[HeaderNames.CacheControl] = Quoted(Rejection.CacheControl);
        }
        return headers;
    }

    /// <summary>A static header value, as API Gateway wants it: in single quotes.</summary>
    private static string Quoted(string value) => $"'{value}'";

    /// <summary>
    /// The local edge's 429 (<see cref="ApiError.RateLimited"/>: its code, and its message with the seconds to wait),
    /// without the details a template cannot know: which limit (the stage's and the admin plan's throttles are one
    /// type), what is left, when it resets.
    /// </summary>
    private static ApiError RateLimited(int retryAfterSeconds) =>
        ApiError.RateLimited(policy: "", limit: 0, remaining: 0, reset: 0, retryAfterSeconds) with { Details = new Dictionary<string, object?>() };
}
