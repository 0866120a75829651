using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace MetalFests.Gateway.Caching;

/// <summary>
/// A fresh cache hit is counted (<c>metalfests.cache.lookups</c>), not traced and not timed, as CloudFront's
/// hits never reach the origin's tracing and its metrics count them without a latency of their own: only what
/// goes to the services leaves a trace and a point in <c>http.server.request.duration</c>. At tens of thousands
/// of hits a second, exporting even 1 in 100 as spans cost the edge more CPU than serving them, and its tail
/// latency; the duration histogram's update (its lock and exemplar check) was the next largest part of a hit
/// (<c>bench/edge-profile.sh</c>, <c>bench/edge-cache.sh</c>). A client that sends its own sampled
/// <c>traceparent</c> still finds the hit in its trace.
/// </summary>
public static class HitTelemetry
{
    public static void Forgo(HttpContext context)
    {
        if (context.Features.Get<IHttpActivityFeature>()?.Activity is { Recorded: true, HasRemoteParent: false } activity)
        {
            // Neither the SDK (all data requested) nor its exporters (the recorded flag) take the span then.
            activity.IsAllDataRequested = false;
            activity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        }
        // Hosting still counts the request as active while it runs; it leaves only the duration out.
        if (context.Features.Get<IHttpMetricsTagsFeature>() is { } metrics)
        {
            metrics.MetricsDisabled = true;
        }
    }
}
