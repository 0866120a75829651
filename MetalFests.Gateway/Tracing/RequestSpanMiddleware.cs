using System.Diagnostics;
using MetalFests.ServiceDefaults;

namespace MetalFests.Gateway.Tracing;

/// <summary>
/// The edge's server span of a request, started here rather than by OpenTelemetry's ASP.NET Core instrumentation
/// (which the services keep): with that instrumentation listening, hosting creates an <c>Activity</c> for every
/// request, sampled or not, before any middleware runs — the largest part of what a cache hit cost
/// (<c>bench/edge-cache.sh</c>). This middleware runs after the cache's fast path, so a fresh hit makes no
/// <c>Activity</c> at all (<see cref="HitTracing"/>). The span continues the client's <c>traceparent</c>, carries the
/// HTTP semantic conventions' attributes, and is current while the request goes on, so the call to the service
/// continues the trace.
/// </summary>
public sealed class RequestSpanMiddleware(RequestDelegate next)
{
    public const string SourceName = "MetalFests.Gateway.Requests";

    internal static readonly ActivitySource Source = new(SourceName);

    /// <summary>The HTTP semantic conventions' name for a method outside the known ones (the span's name stays bounded).</summary>
    private const string OtherMethod = "_OTHER";

    private static readonly HashSet<string> KnownMethods = new(
        [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete, HttpMethods.Options, HttpMethods.Trace, HttpMethods.Connect],
        StringComparer.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext context)
    {
        using var activity = Start(context);
        if (activity is null)
        {
            await next(context);
            return;
        }
        try
        {
            await next(context);
        }
        catch (Exception e)
        {
            // The exception handler, further out, answers it (500, or 503 for an unavailable dependency) once this span
            // has ended: the span says the error, not the status.
            activity.SetTag("error.type", e.GetType().FullName);
            activity.SetStatus(ActivityStatusCode.Error);
            activity.AddException(e);
            throw;
        }
        End(activity, context);
    }

    private static Activity? Start(HttpContext context)
    {
        var request = context.Request;
        if (!Source.HasListeners() || ServicePaths.IsHealthProbe(request.Path))
        {
            return null;
        }
        var propagator = DistributedContextPropagator.Current;
        propagator.ExtractTraceIdAndState(request.Headers, ReadHeader, out var traceParent, out var traceState);
        ActivityContext.TryParse(traceParent, traceState, isRemote: true, out var parent);
        var method = KnownMethods.Contains(request.Method) ? HttpMethods.GetCanonicalizedValue(request.Method) : OtherMethod;
        var activity = Source.StartActivity(method, ActivityKind.Server, parent,
        [
            new("http.request.method", method),
            new("url.scheme", request.Scheme),
            new("url.path", request.Path.Value),
            new("url.query", Redacted(request.QueryString)),
            new("server.address", request.Host.Host),
            new("server.port", request.Host.Port),
            new("network.protocol.version", request.Protocol.StartsWith("HTTP/", StringComparison.Ordinal) ? request.Protocol[5..] : request.Protocol),
            new("user_agent.original", request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null),
        ]);
        if (activity is not null && propagator.ExtractBaggage(request.Headers, ReadHeader) is { } baggage)
        {
            foreach (var (name, value) in baggage)
            {
                activity.AddBaggage(name, value);
            }
        }
        return activity;
    }

    private static void End(Activity activity, HttpContext context)
    {
        var status = context.Response.StatusCode;
        activity.SetTag("http.response.status_code", status);
        if ((context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is { } route)
        {
            activity.SetTag("http.route", route);
            activity.DisplayName = $"{activity.OperationName} {route}";
        }
        if (status >= StatusCodes.Status500InternalServerError)
        {
            activity.SetTag("error.type", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            activity.SetStatus(ActivityStatusCode.Error);
        }
    }

    /// <summary>
    /// The query's names with every value <c>Redacted</c>, as OpenTelemetry's instrumentation records the services'
    /// queries: a search term, or a key a client wrongly put in the query, never reaches the traces.
    /// </summary>
    private static string? Redacted(QueryString query) =>
        query.HasValue
            ? string.Join('&', query.Value![1..].Split('&').Select(pair => pair.IndexOf('=') is var equals and >= 0 ? $"{pair[..equals]}=Redacted" : pair))
            : null;

    private static void ReadHeader(object? carrier, string name, out string? value, out IEnumerable<string>? values)
    {
        values = null;
        value = ((IHeaderDictionary)carrier!).TryGetValue(name, out var found) ? found.ToString() : null;
    }
}
