using MetalFests.Gateway.Tracing;
using Microsoft.Net.Http.Headers;

namespace MetalFests.Gateway.Caching;

/// <summary>
/// The hit path, ahead of routing: a fresh entry answers a read the cache may serve at once, as a
/// CDN's edge would. Only cacheable routes ever store entries, so a stored key needs no route.
/// Everything else goes on to routing and <see cref="EdgeCacheMiddleware"/>: misses, stale entries,
/// cross-origin requests (their CORS answer depends on the route's policy), and requests the client traces
/// (they go on to the edge's span: <see cref="HitTracing"/>). A hit served here has no span at all.
/// </summary>
public sealed class CacheHitMiddleware(RequestDelegate next, EdgeCache cache, EdgeMetrics metrics, Callers callers)
{
    public Task InvokeAsync(HttpContext context)
    {
        var now = cache.Now;
        if (cache.MayServe(context, callers)
            && !context.Request.Headers.ContainsKey(HeaderNames.Origin)
            && !HitTracing.ClientTraces(context.Request)
            && cache.TryGet(context.Request, out var entry)
            && entry.IsFresh(now))
        {
            metrics.Lookup(CacheOutcome.Hit);
            return CachedResponseWriter.ServeAsync(context, entry, CacheOutcome.Hit, now);
        }
        return next(context);
    }
}
