using System.Text.Json.Nodes;
using MetalFests.Gateway.Website;

namespace MetalFests.Tests.Deployment;

/// <summary>
/// CloudFront sends the gateway's security headers on every answer — nosniff, Referrer-Policy
/// strict-origin-when-cross-origin, HSTS for a year with subdomains — and on the website the website's
/// content security policy, with the map's tile server the page names.
/// </summary>
[Collection(DeploymentCollection.Name)]
public sealed class EdgeSecurityHeadersTests(SynthesizedApp app)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/api/bands")]
    [InlineData("/api/admin/bands")]
    [InlineData("/api/unknown")]
    public void EveryAnswerCarriesTheGatewaysSecurityHeaders(string path)
    {
        var security = Headers(path)["SecurityHeadersConfig"]!;
        Assert.True(security["ContentTypeOptions"]!["Override"]!.GetValue<bool>());
        Assert.Equal("strict-origin-when-cross-origin", security["ReferrerPolicy"]!["ReferrerPolicy"]!.GetValue<string>());
        var hsts = security["StrictTransportSecurity"]!;
        Assert.Equal(31536000, hsts["AccessControlMaxAgeSec"]!.GetValue<int>());
        Assert.True(hsts["IncludeSubdomains"]!.GetValue<bool>());
        Assert.False(hsts["Preload"]!.GetValue<bool>());
        // The gateway sends none of these: CloudFront does not either.
        Assert.Null(security["FrameOptions"]);
        Assert.Null(security["XSSProtection"]);
    }

    [Fact]
    public void TheWebsiteCarriesItsContentSecurityPolicyWithTheTileServer()
    {
        var csp = Headers("/map")["SecurityHeadersConfig"]!["ContentSecurityPolicy"]!;
        var value = csp["ContentSecurityPolicy"]!.GetValue<string>();
        Assert.Equal(WebsitePolicy.ContentSecurityPolicyOf(app.Props.WebsitePath), value);
        Assert.Contains($"img-src 'self' data: https: {SynthesizedApp.TileServer};", value);
        Assert.Contains("frame-ancestors 'none'", value);
        Assert.True(csp["Override"]!.GetValue<bool>());
    }

    [Fact]
    public void ApiAnswersCarryNoContentSecurityPolicy()
    {
        Assert.Null(Headers("/api/bands")["SecurityHeadersConfig"]!["ContentSecurityPolicy"]);
    }

    private JsonNode Headers(string path) => app.Referenced(app.BehaviourFor(path)["ResponseHeadersPolicyId"]!, "ResponseHeadersPolicyConfig");
}
