using MetalFests.ServiceDefaults.Security;
using Microsoft.Net.Http.Headers;

namespace MetalFests.Gateway.Caching;

/// <summary>
/// The hit path, ahead of routing: a fresh entry answers a plain GET or HEAD at once, as a CDN's edge
/// would. Only cacheable routes ever store entries, so a stored key needs no route. Everything else
/// goes on to routing and <see cref="EdgeCacheMiddleware"/>: misses, stale entries, requests with
/// credentials, and cross-origin requests (their CORS answer depends on the route's policy).
/// </summary>
public sealed class CacheHitMiddleware(RequestDelegate next, EdgeCache cache, EdgeMetrics metrics)
{
    public Task InvokeAsync(HttpContext context)
    {
        var now = cache.Now;
        if (cache.Options.Enabled
            && IsPlainRead(context.Request)
            && cache.TryGet(EdgeCache.KeyOf(context.Request), out var entry)
            && entry.IsFresh(now))
        {
            metrics.Lookup(CacheOutcome.Hit);
            return CachedResponseWriter.ServeAsync(context, entry, CacheOutcome.Hit, now);
        }
        return next(context);
    }

    private static bool IsPlainRead(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && !request.Headers.ContainsKey(RequestHeaders.ApiKey)
        && !request.Headers.ContainsKey(HeaderNames.Authorization)
        && !request.Headers.ContainsKey(HeaderNames.Origin);
}
