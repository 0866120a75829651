using MetalFests.ServiceDefaults.Caching;

namespace MetalFests.Tests.Deployment;

/// <summary>
/// The services label their answers with Surrogate-Key and Surrogate-Invalidation-Id for the edge alone
/// (the local gateway strips them): CloudFront removes both from every API answer, public and admin.
/// </summary>
[Collection(DeploymentCollection.Name)]
public sealed class SurrogateHeadersTests(SynthesizedApp app)
{
    [Theory]
    [InlineData("/api/*")]
    [InlineData("/api/bands")]
    [InlineData("/api/v2/festivals/*")]
    [InlineData("/api/admin/*")]
    public void ApiAnswersLoseTheServicesCacheLabels(string pathPattern)
    {
        var behaviour = app.Resources("AWS::CloudFront::Distribution").Single().Resource["Properties"]!["DistributionConfig"]!["CacheBehaviors"]!
            .AsArray().Single(b => b!["PathPattern"]!.GetValue<string>() == pathPattern)!;
        var policyId = behaviour["ResponseHeadersPolicyId"]!["Ref"]!.GetValue<string>();
        var removed = app.MainJson["Resources"]![policyId]!["Properties"]!["ResponseHeadersPolicyConfig"]!["RemoveHeadersConfig"]!["Items"]!
            .AsArray().Select(h => h!["Header"]!.GetValue<string>()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.True(removed.SetEquals([SurrogateKeys.Header, SurrogateKeys.InvalidationIdHeader]), string.Join(", ", removed));
    }
}
