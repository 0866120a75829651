namespace MetalFests.Gateway.RateLimiting;

/// <summary>
/// Every request counts against its client's per-IP limit (the website, <c>/openapi</c> and <c>/docs</c>
/// included, as CloudFront's WAF counts them); a valid key's requests count against its plan. The public
/// plan is checked later, by the cache, on misses only.
/// </summary>
public sealed class RateLimitMiddleware(RequestDelegate next, EdgeRateLimiter limiter, Callers callers)
{
    public Task InvokeAsync(HttpContext context)
    {
        // The client address is the connection's, or the forwarded one only when a trusted proxy sent it
        // (UseForwardedHeaders, configured from Gateway:RateLimits:TrustedProxies, runs first).
        var ip = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return limiter.Check(ip, callers.KeyOf(context)) is { } rejection ? rejection.WriteAsync(context) : next(context);
    }
}
