using System.Diagnostics;

namespace MetalFests.Gateway.Tracing;

/// <summary>
/// A fresh cache hit is counted (<c>metalfests.cache.lookups</c>, <c>http.server.request.duration</c>) but
/// not traced, as CloudFront's hits never reach the origin's tracing: only what goes to the services leaves
/// a trace. Exporting even 1 in 100 of tens of thousands of hits a second cost the edge more CPU than
/// serving them, and its tail latency; and creating an unsampled <c>Activity</c> for each was the largest
/// part of what a hit cost (<c>bench/edge-cache.sh</c>). So the fast path serves a hit before the edge's
/// span starts (<see cref="RequestSpanMiddleware"/>), and a hit found later (a cross-origin request) drops
/// its span. A client that sends its own sampled <c>traceparent</c> still finds the hit in its trace.
/// </summary>
public static class HitTracing
{
    private const string TraceParent = "traceparent";

    /// <summary>Whether the client asks for its request to be traced: a W3C <c>traceparent</c> with the sampled flag.</summary>
    public static bool ClientTraces(HttpRequest request) =>
        request.Headers.TryGetValue(TraceParent, out var header)
        && ActivityContext.TryParse(header.ToString(), null, out var context)
        && context.TraceFlags.HasFlag(ActivityTraceFlags.Recorded);

    /// <summary>Drops the edge's span of a hit the client did not ask to trace.</summary>
    public static void Forgo()
    {
        if (Activity.Current is { Recorded: true, HasRemoteParent: false } activity && activity.Source == RequestSpanMiddleware.Source)
        {
            // Neither the SDK (all data requested) nor its exporters (the recorded flag) take the span then.
            activity.IsAllDataRequested = false;
            activity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        }
    }
}
