using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace MetalFests.Gateway.Caching;

/// <summary>
/// A fresh cache hit is counted (<c>metalfests.cache.lookups</c>, <c>http.server.request.duration</c>) but
/// not traced, as CloudFront's hits never reach the origin's tracing: only what goes to the services leaves
/// a trace. Exporting even 1 in 100 of tens of thousands of hits a second cost the edge more CPU than
/// serving them, and its tail latency (<c>bench/edge-cache.sh</c>). A client that sends its own sampled
/// <c>traceparent</c> still finds the hit in its trace.
/// </summary>
public static class HitTracing
{
    public static void Forgo(HttpContext context)
    {
        if (context.Features.Get<IHttpActivityFeature>()?.Activity is { Recorded: true, HasRemoteParent: false } activity)
        {
            // Neither the SDK (all data requested) nor its exporters (the recorded flag) take the span then.
            activity.IsAllDataRequested = false;
            activity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        }
    }
}
