using MetalFests.ServiceDefaults.Security;
using MetalFests.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MetalFests.Tests.Infrastructure;

/// <summary>
/// A second instance of a real service (<typeparamref name="TService"/>: a type of its assembly), run in the
/// test process on Kestrel (a random port) against the table of <see cref="AppFixture"/>: with the fixture's
/// own instance, two instances of the service share one table, as replicas do.
/// </summary>
public sealed class SecondInstance<TService> : WebApplicationFactory<TService> where TService : class
{
    private readonly AppFixture _fixture;

    public SecondInstance(AppFixture fixture)
    {
        _fixture = fixture;
        UseKestrel();
        StartServer();
    }

    /// <summary>Where the instance listens (<c>http://127.0.0.1:port</c>).</summary>
    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public HttpClient Client() => new() { BaseAddress = Address };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // A free port of the system's choosing (UseKestrel(0) would set it after a minimal host has started).
        builder.UseUrls("http://127.0.0.1:0");
        var options = _fixture.LocalOptions(StorageOptions.DefaultTableName);
        builder.UseSetting($"{StorageOptions.SectionName}:{nameof(StorageOptions.ServiceUrl)}", options.ServiceUrl);
        builder.UseSetting($"{StorageOptions.SectionName}:{nameof(StorageOptions.TableName)}", options.TableName);
        builder.UseSetting($"{ApiKeyOptions.SectionName}:0:{nameof(ApiKeyEntry.Id)}", "dev");
        builder.UseSetting($"{ApiKeyOptions.SectionName}:0:{nameof(ApiKeyEntry.Hash)}", ApiKeyAuthenticator.HashOf(AppFixture.AdminKey));
        builder.UseSetting($"{ApiKeyOptions.SectionName}:0:{nameof(ApiKeyEntry.Permission)}", nameof(Permission.Delete));
    }
}
