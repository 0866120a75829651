using Amazon.Runtime;
using MetalFests.Api.Invalidation;
using MetalFests.ServiceDefaults.Security;
using MetalFests.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MetalFests.Tests.Infrastructure;

/// <summary>
/// A real service (<typeparamref name="TMarker"/>: any public type of its assembly) run inside the test process as
/// deployed on AWS — <c>CacheInvalidation:Provider=cloudfront</c> — against a <see cref="FakeCloudFront"/>, on the
/// table of an <see cref="AppFixture"/>'s DynamoDB Local. No gateway: requests go to the service directly.
/// </summary>
public sealed class CloudFrontService<TMarker>(AppFixture fixture, FakeCloudFront cloudFront) : WebApplicationFactory<TMarker> where TMarker : class
{
    /// <summary>How long a write waits for CloudFront here (short: the hanging fake's tests wait this long).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"{StorageOptions.SectionName}:{nameof(StorageOptions.ServiceUrl)}"] = fixture.LocalOptions(StorageOptions.DefaultTableName).ServiceUrl,
            [$"{CacheInvalidationOptions.SectionName}:{nameof(CacheInvalidationOptions.Provider)}"] = CacheInvalidationOptions.CloudFrontProvider,
            [$"{CacheInvalidationOptions.SectionName}:{nameof(CacheInvalidationOptions.DistributionId)}"] = FakeCloudFront.DistributionId,
            [$"{CacheInvalidationOptions.SectionName}:{nameof(CacheInvalidationOptions.Endpoint)}"] = cloudFront.Endpoint.ToString(),
            [$"{CacheInvalidationOptions.SectionName}:{nameof(CacheInvalidationOptions.Timeout)}"] = Timeout.ToString(),
            [MetalFests.Api.Http.Today.ConfigurationKey] = AppFixture.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
        (string Id, string Key, Permission Permission)[] keys = [("dev", AppFixture.AdminKey, Permission.Delete), ("viewer", AppFixture.ViewerKey, Permission.Read)];
        for (var i = 0; i < keys.Length; i++)
        {
            settings[$"{ApiKeyOptions.SectionName}:{i}:{nameof(ApiKeyEntry.Id)}"] = keys[i].Id;
            settings[$"{ApiKeyOptions.SectionName}:{i}:{nameof(ApiKeyEntry.Hash)}"] = ApiKeyAuthenticator.HashOf(keys[i].Key);
            settings[$"{ApiKeyOptions.SectionName}:{i}:{nameof(ApiKeyEntry.Permission)}"] = keys[i].Permission.ToString();
        }
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.UseEnvironment(Environments.Production);
        // Lambda's role credentials stand-in: the keys the fake checks signatures with.
        builder.ConfigureTestServices(services =>
            services.AddSingleton(new CloudFrontCredentials(new BasicAWSCredentials(FakeCloudFront.AccessKey, FakeCloudFront.SecretKey))));
    }
}
