using MetalFests.Gateway.Website;
using Microsoft.Net.Http.Headers;

namespace MetalFests.Gateway.Security;

/// <summary>
/// Headers on every answer of the edge: <c>nosniff</c>, a referrer policy that keeps the origin (the
/// map's tile server asks for one) but never a path, HSTS on HTTPS, and on the website's pages (HTML)
/// the content security policy of <see cref="WebsitePolicy"/>.
/// </summary>
public sealed class SecurityHeadersMiddleware
{
    public const string ReferrerPolicy = "strict-origin-when-cross-origin";
    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    private readonly RequestDelegate _next;
    private readonly WebsitePolicy _website;

    /// <summary>Made once: the request's context is its state, so registering it costs a request nothing.</summary>
    private readonly Func<object, Task> _addHeaders;

    public SecurityHeadersMiddleware(RequestDelegate next, WebsitePolicy website)
    {
        _next = next;
        _website = website;
        _addHeaders = AddHeaders;
    }

    public Task InvokeAsync(HttpContext context)
    {
        // When the answer starts: whatever ran in between (an error handler, a cached answer) may have cleared the headers.
        context.Response.OnStarting(_addHeaders, context);
        return _next(context);
    }

    private Task AddHeaders(object state)
    {
        var context = (HttpContext)state;
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = ReferrerPolicy;
        if (context.Request.IsHttps)
        {
            headers.StrictTransportSecurity = StrictTransportSecurity;
        }
        if (headers.ContentType.ToString().StartsWith("text/html", StringComparison.OrdinalIgnoreCase))
        {
            headers.ContentSecurityPolicy = _website.ContentSecurityPolicy;
        }
        return Task.CompletedTask;
    }
}
