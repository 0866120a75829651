using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using MetalFests.Gateway.Cors;

namespace MetalFests.Tests.Deployment;

/// <summary>
/// CloudFront serves the website from a private bucket by default and the API under /api (its public
/// routes cached: see <see cref="EdgeCacheKeyTests"/>); admin paths are never cached; the
/// WAF ACL (us-east-1, CLOUDFRONT scope) limits each IP to the seed's 2,000 per 5 minutes.
/// </summary>
[Collection(DeploymentCollection.Name)]
public sealed class EdgeTests(SynthesizedApp app)
{

    private JsonNode Distribution => app.Distribution;

    [Fact]
    public void WebsiteIsTheDefaultBehaviourFromAPrivateBucketThroughOriginAccessControl()
    {
        var config = Distribution;
        var defaultOrigin = config["DefaultCacheBehavior"]!["TargetOriginId"]!.GetValue<string>();
        var origin = config["Origins"]!.AsArray().Single(o => o!["Id"]!.GetValue<string>() == defaultOrigin)!;
        Assert.NotNull(origin["OriginAccessControlId"]);
        Assert.NotNull(origin["S3OriginConfig"]);
        app.Main.HasResourceProperties("AWS::S3::Bucket", new Dictionary<string, object>
        {
            ["PublicAccessBlockConfiguration"] = new Dictionary<string, object>
            {
                ["BlockPublicAcls"] = true,
                ["BlockPublicPolicy"] = true,
                ["IgnorePublicAcls"] = true,
                ["RestrictPublicBuckets"] = true,
            },
        });
        // The website folder exists (a stub here): its files are uploaded (pages and fingerprinted files apart).
        app.Main.ResourceCountIs("Custom::CDKBucketDeployment", 2);
    }

    [Fact]
    public void AdminPathsAreNeverCachedAndComeBeforeTheApiBehaviour()
    {
        var behaviours = Distribution["CacheBehaviors"]!.AsArray().Select(b => b!).ToList();
        var admin = behaviours.FindIndex(b => b["PathPattern"]!.GetValue<string>() == "/api/admin/*");
        var api = behaviours.FindIndex(b => b["PathPattern"]!.GetValue<string>() == "/api/*");
        Assert.InRange(admin, 0, api - 1);
        Assert.Equal(SynthesizedApp.CachingDisabled, behaviours[admin]["CachePolicyId"]!.GetValue<string>());
        Assert.Equal(behaviours[admin]["TargetOriginId"]!.GetValue<string>(), behaviours[api]["TargetOriginId"]!.GetValue<string>());
    }

    [Fact]
    public void ApiAnswersCarrySecurityHeadersAndThePublicCorsRules()
    {
        app.Main.HasResourceProperties("AWS::CloudFront::ResponseHeadersPolicy", new Dictionary<string, object>
        {
            ["ResponseHeadersPolicyConfig"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["CorsConfig"] = Match.ObjectLike(new Dictionary<string, object>
                {
                    ["AccessControlAllowOrigins"] = new Dictionary<string, object> { ["Items"] = new[] { "*" } },
                    ["AccessControlAllowMethods"] = new Dictionary<string, object> { ["Items"] = CorsPolicies.PublicMethods.ToArray() },
                    ["AccessControlExposeHeaders"] = new Dictionary<string, object> { ["Items"] = CorsPolicies.Exposed.ToArray() },
                }),
                ["SecurityHeadersConfig"] = Match.ObjectLike(new Dictionary<string, object>
                {
                    ["StrictTransportSecurity"] = Match.ObjectLike(new Dictionary<string, object> { ["Override"] = true }),
                    ["ContentTypeOptions"] = new Dictionary<string, object> { ["Override"] = true },
                }),
            }),
        });
    }

    [Fact]
    public void DistributionIsBehindTheWebAclOfTheUsEast1Stack()
    {
        // Read at deploy time from the us-east-1 stack's export, through CDK's cross-region reader.
        var reader = Distribution["WebACLId"]!["Fn::GetAtt"]![0]!.GetValue<string>();
        Assert.Equal("Custom::CrossRegionExportReader", app.MainJson["Resources"]![reader]!["Type"]!.GetValue<string>());
    }

    [Fact]
    public void WebAclLimitsEachIpTo2000RequestsPer5MinutesAndAppliesTheCommonRules()
    {
        app.Firewall.HasResourceProperties("AWS::WAFv2::WebACL", new Dictionary<string, object>
        {
            ["Scope"] = "CLOUDFRONT",
            ["Rules"] = Match.ArrayWith(new object[]
            {
                Match.ObjectLike(new Dictionary<string, object>
                {
                    ["Statement"] = new Dictionary<string, object>
                    {
                        ["RateBasedStatement"] = new Dictionary<string, object> { ["Limit"] = 2000, ["EvaluationWindowSec"] = 300, ["AggregateKeyType"] = "IP" },
                    },
                    ["Action"] = new Dictionary<string, object>
                    {
                        ["Block"] = new Dictionary<string, object> { ["CustomResponse"] = new Dictionary<string, object> { ["ResponseCode"] = 429 } },
                    },
                }),
                Match.ObjectLike(new Dictionary<string, object>
                {
                    ["Statement"] = new Dictionary<string, object>
                    {
                        ["ManagedRuleGroupStatement"] = Match.ObjectLike(new Dictionary<string, object> { ["VendorName"] = "AWS", ["Name"] = "AWSManagedRulesCommonRuleSet" }),
                    },
                }),
            }),
        });
    }
}
