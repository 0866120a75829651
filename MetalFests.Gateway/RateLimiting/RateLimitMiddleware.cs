using MetalFests.ServiceDefaults.Security;

namespace MetalFests.Gateway.RateLimiting;

public sealed class RateLimitMiddleware(RequestDelegate next, EdgeRateLimiter limiter, ApiKeyAuthenticator keys)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }
        // The client address is the connection's, or the forwarded one only when a trusted proxy sent it
        // (UseForwardedHeaders, configured from Gateway:RateLimits:TrustedProxies, runs first).
        var ip = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var key = context.Request.Headers.ContainsKey(RequestHeaders.ApiKey) ? keys.Authenticate(context.Request.Headers[RequestHeaders.ApiKey]) : null;
        if (limiter.Check(ip, key) is { } rejection)
        {
            await rejection.WriteAsync(context);
            return;
        }
        await next(context);
    }
}
