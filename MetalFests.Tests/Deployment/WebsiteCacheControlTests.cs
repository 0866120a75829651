using System.Text.Json.Nodes;

namespace MetalFests.Tests.Deployment;

/// <summary>
/// The website reaches S3 with the Cache-Control the local gateway gives it: the files the build lists in
/// asset-manifest.json (fingerprinted, never changed) for a year, everything else (pages) revalidated.
/// </summary>
[Collection(DeploymentCollection.Name)]
public sealed class WebsiteCacheControlTests(SynthesizedApp app)
{
    private const string Year = "public, max-age=31536000, immutable";
    private const string Revalidate = "no-cache";

    private List<JsonNode> Uploads => [.. app.Resources("Custom::CDKBucketDeployment").Select(d => d.Resource["Properties"]!)];

    private static string CacheControl(JsonNode upload) => upload["SystemMetadata"]!["cache-control"]!.GetValue<string>();

    private static string[] Strings(JsonNode? list) => list is null ? [] : [.. list.AsArray().Select(i => i!.GetValue<string>())];

    [Fact]
    public void FingerprintedFilesOfTheManifestAreUploadedAloneAndCachedForAYear()
    {
        var assets = Uploads.Single(u => Strings(u["Include"]).Length > 0);
        Assert.Equal([SynthesizedApp.FingerprintedFile], Strings(assets["Include"]));
        Assert.Equal(["*"], Strings(assets["Exclude"]));
        Assert.Equal(Year, CacheControl(assets));
    }

    [Fact]
    public void PagesAndEveryOtherFileAreRevalidatedAndLeaveTheFingerprintedFilesAlone()
    {
        var pages = Uploads.Single(u => Strings(u["Include"]).Length == 0);
        Assert.Equal(Revalidate, CacheControl(pages));
        // Excluded from the pages' upload, so neither uploaded twice nor pruned by it.
        Assert.Equal([SynthesizedApp.FingerprintedFile], Strings(pages["Exclude"]));
        // After a website upload, CloudFront forgets what it cached.
        Assert.NotNull(pages["DistributionId"]);
    }
}
