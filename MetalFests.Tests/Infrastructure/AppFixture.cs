using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using MetalFests.ServiceDefaults;
using MetalFests.Storage;

namespace MetalFests.Tests.Infrastructure;

/// <summary>
/// The whole application (DynamoDB Local, migrator, both services, gateway), started once for the
/// test run and shared by every integration test, on random ports and a fresh database folder.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);
    private readonly DirectoryInfo _dataDirectory = Directory.CreateTempSubdirectory("metalfests-tests-");

    public DistributedApplication App { get; private set; } = null!;
    public HttpClient Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.MetalFests_AppHost>(
            [$"Database:LocalDataPath={_dataDirectory.FullName}", "Database:Provider=local"]);
        App = await builder.BuildAsync();
        using var cts = new CancellationTokenSource(StartTimeout);
        await App.StartAsync(cts.Token);
        await WaitHealthyAsync(ServiceNames.Gateway, cts.Token);
        Gateway = App.CreateHttpClient(ServiceNames.Gateway);
    }

    public Task WaitHealthyAsync(string resource, CancellationToken cancellationToken) =>
        App.ResourceNotifications.WaitForResourceHealthyAsync(resource, cancellationToken);

    public HttpClient Service(string name) => App.CreateHttpClient(name);

    /// <summary>A client for the table in DynamoDB Local, for tests that look beneath the API.</summary>
    public IAmazonDynamoDB DynamoDb() =>
        DynamoDbClientFactory.Create(new StorageOptions { ServiceUrl = App.GetEndpoint(ServiceNames.Database, "http").ToString() });

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
        _dataDirectory.Delete(recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}
