using MetalFests.Gateway.Routing;
using MetalFests.ServiceDefaults.Security;

namespace MetalFests.Gateway.Caching;

/// <summary>
/// Makes a public read what the cache keys and the services see: its query canonical
/// (<see cref="QueryParameters"/>), and an <c>X-Api-Key</c> that no key matches removed, so a junk key
/// is served like an anonymous request (only a valid key bypasses the cache).
/// </summary>
public sealed class CanonicalRequestMiddleware(RequestDelegate next, Callers callers)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && QueryParameters.IsPublicRoute(request.Path))
        {
            request.QueryString = QueryParameters.Canonical(request.Path, request.QueryString);
            if (request.Headers.ContainsKey(RequestHeaders.ApiKey) && callers.KeyOf(context) is null)
            {
                request.Headers.Remove(RequestHeaders.ApiKey);
            }
        }
        return next(context);
    }
}
