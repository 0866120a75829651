using Amazon.CDK;
using Amazon.CDK.AWS.CloudFront;
using Constructs;
using MetalFests.Gateway.Cors;
using MetalFests.Gateway.Security;
using MetalFests.Gateway.Website;
using MetalFests.ServiceDefaults.Caching;

namespace MetalFests.Deploy.Edge;

/// <summary>
/// Security headers on every answer, and the gateway's CORS rules (<see cref="CorsPolicies"/>) on the
/// API's: the services themselves send no CORS headers (locally the gateway adds them); the services'
/// Surrogate-Key headers removed from the API's answers.
/// </summary>
public static class ResponseHeaders
{
    /// <summary>The services' cache labels, meant for the edge only: the local gateway strips them too.</summary>
    public static readonly string[] ServiceOnlyHeaders = [SurrogateKeys.Header, SurrogateKeys.InvalidationIdHeader];

    /// <summary>The website's: the security headers and its content security policy (<see cref="WebsitePolicy"/>).</summary>
    public static ResponseHeadersPolicy Website(Construct scope, string websitePath) => new(scope, "WebsiteHeaders", new ResponseHeadersPolicyProps
    {
        Comment = "MetalFests website: security headers and the content security policy",
        SecurityHeadersBehavior = Security(WebsitePolicy.ContentSecurityPolicyOf(websitePath)),
    });

    public static ResponseHeadersPolicy PublicApi(Construct scope) => new(scope, "PublicApiHeaders", new ResponseHeadersPolicyProps
    {
        Comment = "MetalFests public API: security headers, CORS from any origin (reads)",
        SecurityHeadersBehavior = Security(),
        RemoveHeaders = ServiceOnlyHeaders,
        CorsBehavior = new ResponseHeadersCorsBehavior
        {
            AccessControlAllowOrigins = ["*"],
            AccessControlAllowMethods = [.. CorsPolicies.PublicMethods],
            AccessControlAllowHeaders = [.. CorsPolicies.PublicHeaders],
            AccessControlExposeHeaders = [.. CorsPolicies.Exposed],
            AccessControlAllowCredentials = false,
            OriginOverride = true,
        },
    });

    public static ResponseHeadersPolicy AdminApi(Construct scope, IReadOnlyList<string> adminOrigins) => new(scope, "AdminApiHeaders", new ResponseHeadersPolicyProps
    {
        Comment = "MetalFests admin API: security headers; CORS only for the configured origins",
        SecurityHeadersBehavior = Security(),
        RemoveHeaders = ServiceOnlyHeaders,
        CorsBehavior = adminOrigins.Count == 0 ? null : new ResponseHeadersCorsBehavior
        {
            AccessControlAllowOrigins = [.. adminOrigins],
            AccessControlAllowMethods = ["ALL"],
            AccessControlAllowHeaders = [.. CorsPolicies.AdminHeaders],
            AccessControlExposeHeaders = [.. CorsPolicies.Exposed],
            AccessControlAllowCredentials = false,
            OriginOverride = true,
        },
    });

    /// <summary>
    /// The gateway's headers (<see cref="SecurityHeadersMiddleware"/>): <c>nosniff</c>, its referrer policy and
    /// its HSTS (CloudFront serves HTTPS only, so always), and no other (the gateway frames nothing with
    /// <c>X-Frame-Options</c>: the website's CSP says <c>frame-ancestors 'none'</c>).
    /// </summary>
    private static ResponseSecurityHeadersBehavior Security(string? contentSecurityPolicy = null)
    {
        var hsts = StrictTransport.Parse(SecurityHeadersMiddleware.StrictTransportSecurity);
        return new()
        {
            StrictTransportSecurity = new ResponseHeadersStrictTransportSecurity
            {
                AccessControlMaxAge = Duration.Seconds(hsts.MaxAge.TotalSeconds),
                IncludeSubdomains = hsts.IncludeSubDomains,
                Preload = hsts.Preload,
                Override = true,
            },
            ContentTypeOptions = new ResponseHeadersContentTypeOptions { Override = true },
            ReferrerPolicy = new ResponseHeadersReferrerPolicy { ReferrerPolicy = ReferrerPolicyOf(SecurityHeadersMiddleware.ReferrerPolicy), Override = true },
            ContentSecurityPolicy = contentSecurityPolicy is null ? null : new ResponseHeadersContentSecurityPolicy { ContentSecurityPolicy = contentSecurityPolicy, Override = true },
        };
    }

    /// <summary><c>strict-origin-when-cross-origin</c> → <see cref="HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN"/>.</summary>
    public static HeadersReferrerPolicy ReferrerPolicyOf(string value) =>
        Enum.Parse<HeadersReferrerPolicy>(value.Replace('-', '_'), ignoreCase: true);
}
