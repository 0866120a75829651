using System.Net;
using MetalFests.Tests.AdminApi;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.CloudFront;

/// <summary>
/// Deployed with CloudFront, a successful write asks CloudFront (signed, through the loopback fake) to invalidate
/// its paths and reports CloudFront's id; a failing or silent CloudFront leaves the write done, reported
/// <c>cacheInvalidation.status: "failed"</c>.
/// </summary>
[Collection(WritesCollection.Name)]
public sealed class CloudFrontWriteInvalidationTests(WritesFixture fixture) : IAsyncLifetime
{
    private CloudFrontDeployment _aws = null!;

    public async Task InitializeAsync() => _aws = await CloudFrontDeployment.StartAsync(fixture);

    public async Task DisposeAsync() => await _aws.DisposeAsync();

    [Fact]
    public async Task A_band_update_reports_the_invalidation_CloudFront_created_for_the_band_page_and_its_subtree()
    {
        var band = await fixture.Gateway.BandAsync();

        var answer = await _aws.Catalog.AdminPutAsync($"/api/bands/{band}", AdminRequests.Band(null, Given.BandName(band) + " renamed")).ExpectAsync(HttpStatusCode.OK);

        var call = Assert.Single(_aws.CloudFront.Calls);
        Assert.Empty(call.Problems);
        Assert.Equal("POST", call.Method);
        Assert.Equal($"/2020-05-31/distribution/{FakeCloudFront.DistributionId}/invalidation", call.Path);
        var invalidation = answer.Json["cacheInvalidation"]!;
        Assert.Equal("InProgress", (string?)invalidation["status"]);
        Assert.StartsWith("I", (string?)invalidation["invalidationId"]);
        Assert.Contains("FAKE", (string?)invalidation["invalidationId"]);
        var paths = invalidation["paths"]!.AsArray().Select(p => (string)p!).ToList();
        Assert.Equal(call.Paths, paths);
        // CloudFront's /x/* does not cover /x: the band's own page is named as well as its subtree.
        Assert.Contains($"/api/bands/{band}", paths);
        Assert.Contains($"/api/bands/{band}/*", paths);
        Assert.Contains("/api/bands", paths);
    }

    [Theory]
    [InlineData(FakeAnswer.ServerError)]
    [InlineData(FakeAnswer.Throttling)]
    [InlineData(FakeAnswer.TooManyInvalidationsInProgress)]
    [InlineData(FakeAnswer.Hangs)]
    public async Task A_failing_CloudFront_leaves_the_write_done_and_reports_the_invalidation_failed(FakeAnswer failure)
    {
        var band = await fixture.Gateway.BandAsync();
        _aws.CloudFront.Answer = failure;
        var renamed = Given.BandName(band) + " renamed";

        var answer = await _aws.Catalog.AdminPutAsync($"/api/bands/{band}", AdminRequests.Band(null, renamed)).ExpectAsync(HttpStatusCode.OK);

        Assert.Single(_aws.CloudFront.Calls);
        var invalidation = answer.Json["cacheInvalidation"]!;
        Assert.Equal("failed", (string?)invalidation["status"]);
        Assert.Null(invalidation["invalidationId"]);
        Assert.Contains($"/api/bands/{band}", invalidation["paths"]!.AsArray().Select(p => (string)p!));
        Assert.Equal(renamed, await fixture.Gateway.NameAsync("band", band));
    }

    [Fact]
    public async Task A_delete_invalidates_too()
    {
        var band = await fixture.Gateway.BandAsync();

        await _aws.Catalog.AdminDeleteAsync($"/api/admin/bands/{band}").ExpectAsync(HttpStatusCode.NoContent);

        var call = Assert.Single(_aws.CloudFront.Calls);
        Assert.Empty(call.Problems);
        Assert.Contains($"/api/bands/{band}", call.Paths);
        Assert.Contains($"/api/bands/{band}/*", call.Paths);
    }
}
