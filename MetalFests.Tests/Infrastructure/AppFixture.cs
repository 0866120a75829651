using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using MetalFests.ServiceDefaults;
using MetalFests.AppHost;
using MetalFests.ServiceDefaults.Security;
using MetalFests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MetalFests.Tests.Infrastructure;

/// <summary>
/// The whole application (DynamoDB Local, migrator, both services, gateway), started once for the
/// test run and shared by every integration test, on random ports, with DynamoDB Local in memory
/// holding the migrated real db.json.
/// </summary>
public class AppFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The festivals service's "today" in tests (a fake clock, config <c>Clock:Today</c>): mid-season
    /// 2026, so that "upcoming" has both past and future festivals of the real data to tell apart.
    /// </summary>
    public static readonly DateOnly Today = new(2026, 6, 20);

    /// <summary>
    /// The development key (full permission) the AppHost hashes for the services. At least 32 characters, as every
    /// key must be (issue 12): the AppHost refuses a shorter one.
    /// </summary>
    public const string AdminKey = "test-only-admin-key-full-permission-0001";

    /// <summary>A read-only key (AdminViewer), configured on the gateway and both services for permission tests.</summary>
    public const string ViewerKey = "test-only-viewer-key-read-permission-0002";

    /// <summary>A write key without delete (AdminEditor), configured like <see cref="ViewerKey"/>.</summary>
    public const string EditorKey = "test-only-editor-key-write-permission-0003";

    // The two instances (read tests, write tests) start one after the other: launched together, their
    // `dotnet run` of the same projects contend for the same build outputs and one can fail to start.
    private static readonly SemaphoreSlim Starting = new(1, 1);

    public DistributedApplication App { get; private set; } = null!;
    public HttpClient Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Starting.WaitAsync();
        try
        {
            try
            {
                await StartAsync();
            }
            catch (InvalidOperationException failed)
            {
                // Rarely, on a fresh clone, a project fails to launch (seen for the gateway, before it ran a
                // line of its own). Say why, then start a fresh instance once more.
                Console.Error.WriteLine(failed.Message);
                await DisposeAsync();
                await StartAsync();
            }
        }
        finally
        {
            Starting.Release();
        }
    }

    private async Task StartAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.MetalFests_AppHost>(
            ["Database:Provider=local", "Database:LocalDataPath=", $"{AdminKeys.EnvironmentVariable}={AdminKey}"]);
        builder.CreateResourceBuilder<ProjectResource>(ServiceNames.Festivals)
            .WithEnvironment(MetalFests.Api.Http.Today.ConfigurationKey.Replace(":", "__"), Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        foreach (var service in new[] { ServiceNames.Festivals, ServiceNames.Catalog })
        {
            // Random ports instead of the launch profiles' 5081/5082: two instances of the app run at once
            // (the read tests' and the write tests'), beside a running system too.
            builder.CreateResourceBuilder<ProjectResource>(service).WithEndpoint("http", endpoint => { endpoint.Port = null; endpoint.TargetPort = null; });
        }
        foreach (var project in new[] { ServiceNames.Festivals, ServiceNames.Catalog, ServiceNames.Gateway })
        {
            // Index 0 is the AppHost's development key (full permission).
            builder.CreateResourceBuilder<ProjectResource>(project)
                .WithEnvironment("ApiKeys__1__Id", "viewer")
                .WithEnvironment("ApiKeys__1__Hash", ApiKeyAuthenticator.HashOf(ViewerKey))
                .WithEnvironment("ApiKeys__1__Permission", nameof(Permission.Read))
                .WithEnvironment("ApiKeys__2__Id", "editor")
                .WithEnvironment("ApiKeys__2__Hash", ApiKeyAuthenticator.HashOf(EditorKey))
                .WithEnvironment("ApiKeys__2__Permission", nameof(Permission.Write))
                // An admin endpoint with no permission of its own (AdminApi/UnattributedAdminEndpointTests).
                .WithEnvironment(ApiKeysExtensions.UnattributedAdminEndpointSetting.Replace(":", "__"), "true");
        }
        // Rate limits have their own tests (an in-process gateway with small limits); here they would only
        // throttle the suite, which sends thousands of requests from one address.
        builder.CreateResourceBuilder<ProjectResource>(ServiceNames.Gateway)
            // A random port behind the orchestrator's proxy, not :5080, so tests run beside a running system.
            .WithEndpoint("http", endpoint => { endpoint.IsProxied = true; endpoint.Port = null; endpoint.TargetPort = null; })
            .WithEnvironment("Gateway__RateLimits__PerIpLimit", "10000000")
            .WithEnvironment("Gateway__RateLimits__PublicBurst", "10000000")
            .WithEnvironment("Gateway__RateLimits__PublicRatePerSecond", "10000000")
            .WithEnvironment("Gateway__RateLimits__AdminBurst", "10000000")
            .WithEnvironment("Gateway__RateLimits__AdminRatePerSecond", "10000000")
            .WithEnvironment("Gateway__RateLimits__AdminMonthlyQuota", "10000000")
            // The second eviction after a write (a refill window of 2 s on the real clock) would empty, at a moment
            // no test can wait on, entries a test filled just after its set-up writes; it is proven with a fake
            // clock instead (Edge/WriteCoherenceTests).
            .WithEnvironment("Gateway__Cache__RefillWindow", "00:00:00");
        Configure(builder);
        App = await builder.BuildAsync();
        using var cts = new CancellationTokenSource(StartTimeout);
        await App.StartAsync(cts.Token);
        try
        {
            await WaitHealthyAsync(ServiceNames.Gateway, cts.Token);
        }
        catch (DistributedApplicationException e)
        {
            // Say why: the resources' own output is otherwise lost with the test host.
            throw new InvalidOperationException($"The application did not start.{Environment.NewLine}{await OutputAsync()}", e);
        }
        Gateway = App.CreateHttpClient(ServiceNames.Gateway);
    }

    /// <summary>What one instance configures beyond the other's (before it starts).</summary>
    protected virtual void Configure(IDistributedApplicationTestingBuilder builder)
    {
    }

    /// <summary>The last lines each project wrote (for a start that failed).</summary>
    private async Task<string> OutputAsync()
    {
        var loggers = App.Services.GetRequiredService<ResourceLoggerService>();
        var text = new System.Text.StringBuilder();
        foreach (var resource in new[] { ServiceNames.Migrator, ServiceNames.Festivals, ServiceNames.Catalog, ServiceNames.Gateway })
        {
            text.AppendLine($"--- {resource}:");
            using var enough = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            var lines = new List<string>();
            try
            {
                await foreach (var batch in loggers.WatchAsync(resource).WithCancellation(enough.Token))
                {
                    lines.AddRange(batch.Select(l => l.Content));
                }
            }
            catch (OperationCanceledException)
            {
                // The backlog has been read.
            }
            text.AppendJoin(Environment.NewLine, lines.TakeLast(30)).AppendLine();
        }
        return text.ToString();
    }

    public Task WaitHealthyAsync(string resource, CancellationToken cancellationToken) =>
        App.ResourceNotifications.WaitForResourceHealthyAsync(resource, cancellationToken);

    public HttpClient Service(string name) => App.CreateHttpClient(name);

    /// <summary>A client for DynamoDB Local, for tests that look beneath the API.</summary>
    public IAmazonDynamoDB DynamoDb() => DynamoDbClientFactory.Create(LocalOptions(StorageOptions.DefaultTableName));

    /// <summary>A table in DynamoDB Local: the application's, or a scratch one of the test's own.</summary>
    public MetalFestsTable Table(string name = StorageOptions.DefaultTableName)
    {
        var options = LocalOptions(name);
        return new MetalFestsTable(DynamoDbClientFactory.Create(options), Options.Create(options));
    }

    public StorageOptions LocalOptions(string table) =>
        new() { ServiceUrl = App.GetEndpoint(ServiceNames.Database, "http").ToString(), TableName = table, RequestTimeout = StorageOptions.BatchRequestTimeout };

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}

/// <summary>
/// A second, separate instance of the whole application for the tests that write: the read tests
/// assert the migrated db.json exactly, so writes go to a table of their own.
/// </summary>
public sealed class WritesFixture : AppFixture
{
    /// <summary>Version 1 deprecated on this date (config <c>Api:Versions:1:DeprecatedOn</c>), in the writes instance only.</summary>
    public static readonly DateOnly V1DeprecatedOn = new(2026, 9, 1);

    /// <summary>Version 1's sunset (config <c>Api:Versions:1:SunsetOn</c>).</summary>
    public static readonly DateOnly V1SunsetOn = new(2027, 3, 1);

    /// <summary>Where version 1's answers point for its migration notes (config <c>Api:Versions:1:MigrationNotes</c>).</summary>
    public const string V1MigrationNotes = "https://metalfests.example/docs/versioning#v1-to-v2";

    protected override void Configure(IDistributedApplicationTestingBuilder builder)
    {
        foreach (var service in new[] { ServiceNames.Festivals, ServiceNames.Catalog })
        {
            builder.CreateResourceBuilder<ProjectResource>(service)
                .WithEnvironment("Api__Versions__1__DeprecatedOn", V1DeprecatedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
                .WithEnvironment("Api__Versions__1__SunsetOn", V1SunsetOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
                .WithEnvironment("Api__Versions__1__MigrationNotes", V1MigrationNotes);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class WritesCollection : ICollectionFixture<WritesFixture>
{
    public const string Name = "writes";
}
