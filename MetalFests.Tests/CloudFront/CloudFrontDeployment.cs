using MetalFests.CatalogService.Bands;
using MetalFests.FestivalsService.Admin;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.CloudFront;

/// <summary>
/// Both services as deployed on AWS (no gateway, <c>cloudfront</c> provider) in the test process, against one
/// <see cref="FakeCloudFront"/> and the writes fixture's table. A test class creates one per test.
/// </summary>
public sealed class CloudFrontDeployment : IAsyncDisposable
{
    private CloudFrontService<AdminHealth>? _festivals;
    private CloudFrontService<BandPage>? _catalog;

    public FakeCloudFront CloudFront { get; } = new();
    public HttpClient Festivals { get; private set; } = null!;
    public HttpClient Catalog { get; private set; } = null!;

    public static async Task<CloudFrontDeployment> StartAsync(AppFixture fixture)
    {
        var deployment = new CloudFrontDeployment();
        await deployment.CloudFront.StartAsync();
        deployment._festivals = new CloudFrontService<AdminHealth>(fixture, deployment.CloudFront);
        deployment._catalog = new CloudFrontService<BandPage>(fixture, deployment.CloudFront);
        deployment.Festivals = deployment._festivals.CreateClient();
        deployment.Catalog = deployment._catalog.CreateClient();
        return deployment;
    }

    /// <summary>The service that owns a public path (as the route table says: festivals, or the catalog).</summary>
    public HttpClient Owner(string path) => path.StartsWith("/api/festivals", StringComparison.Ordinal) ? Festivals : Catalog;

    public async ValueTask DisposeAsync()
    {
        if (_festivals is not null) await _festivals.DisposeAsync();
        if (_catalog is not null) await _catalog.DisposeAsync();
        await CloudFront.DisposeAsync();
    }
}
