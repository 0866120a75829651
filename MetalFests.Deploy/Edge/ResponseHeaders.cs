using Amazon.CDK;
using Amazon.CDK.AWS.CloudFront;
using Constructs;
using MetalFests.Gateway.Cors;
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

    public static ResponseHeadersPolicy Website(Construct scope) => new(scope, "WebsiteHeaders", new ResponseHeadersPolicyProps
    {
        Comment = "MetalFests website: security headers",
        SecurityHeadersBehavior = Security(),
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

    private static ResponseSecurityHeadersBehavior Security() => new()
    {
        StrictTransportSecurity = new ResponseHeadersStrictTransportSecurity
        {
            AccessControlMaxAge = Duration.Days(365),
            IncludeSubdomains = true,
            Override = true,
        },
        ContentTypeOptions = new ResponseHeadersContentTypeOptions { Override = true },
        FrameOptions = new ResponseHeadersFrameOptions { FrameOption = HeadersFrameOption.DENY, Override = true },
        ReferrerPolicy = new ResponseHeadersReferrerPolicy { ReferrerPolicy = HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, Override = true },
        XssProtection = new ResponseHeadersXSSProtection { Protection = true, ModeBlock = true, Override = true },
    };
}
