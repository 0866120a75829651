using MetalFests.ServiceDefaults.Security;
using MetalFests.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MetalFests.Tests.Infrastructure;

/// <summary>
/// A real service (<typeparamref name="TMarker"/>: any public type of its assembly) run inside the test process on a
/// scratch table of an <see cref="AppFixture"/>'s DynamoDB Local, so a test can read the public API's answers for
/// a table it migrated itself. No gateway: requests go to the service directly.
/// </summary>
public sealed class ScratchTableService<TMarker>(AppFixture fixture, string table) : WebApplicationFactory<TMarker> where TMarker : class
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var options = fixture.LocalOptions(table);
        builder.UseSetting($"{StorageOptions.SectionName}:{nameof(StorageOptions.ServiceUrl)}", options.ServiceUrl);
        builder.UseSetting($"{StorageOptions.SectionName}:{nameof(StorageOptions.TableName)}", options.TableName);
        builder.UseSetting(MetalFests.Api.Http.Today.ConfigurationKey, AppFixture.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting($"{ApiKeyOptions.SectionName}:0:{nameof(ApiKeyEntry.Id)}", "viewer");
        builder.UseSetting($"{ApiKeyOptions.SectionName}:0:{nameof(ApiKeyEntry.Hash)}", ApiKeyAuthenticator.HashOf(AppFixture.ViewerKey));
        builder.UseSetting($"{ApiKeyOptions.SectionName}:0:{nameof(ApiKeyEntry.Permission)}", nameof(Permission.Read));
    }
}
