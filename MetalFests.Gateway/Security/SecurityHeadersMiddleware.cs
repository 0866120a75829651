using MetalFests.Gateway.Website;
using Microsoft.Net.Http.Headers;

namespace MetalFests.Gateway.Security;

/// <summary>
/// Headers on every answer of the edge: <c>nosniff</c>, a referrer policy that keeps the origin (the
/// map's tile server asks for one) but never a path, HSTS on HTTPS, and on the website's pages (HTML)
/// the content security policy of <see cref="WebsitePolicy"/>.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, WebsitePolicy website)
{
    public const string ReferrerPolicy = "strict-origin-when-cross-origin";
    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var (context, website) = ((HttpContext, WebsitePolicy))state;
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = ReferrerPolicy;
            if (context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = StrictTransportSecurity;
            }
            if (headers.ContentType.ToString().StartsWith("text/html", StringComparison.OrdinalIgnoreCase))
            {
                headers.ContentSecurityPolicy = website.ContentSecurityPolicy;
            }
            return Task.CompletedTask;
        }, (context, website));
        return next(context);
    }
}
