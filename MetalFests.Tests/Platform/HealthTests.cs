using System.Net;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using MetalFests.ServiceDefaults;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.Platform;

[Collection(AppCollection.Name)]
public sealed class HealthTests(AppFixture fixture)
{
    [Theory]
    [InlineData(ServiceNames.Festivals)]
    [InlineData(ServiceNames.Catalog)]
    public async Task A_service_is_ready_and_alive_while_the_database_answers(string service)
    {
        using var client = fixture.Service(service);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ServicePaths.Ready)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ServicePaths.Alive)).StatusCode);
    }

    [Fact]
    public async Task Health_reports_unhealthy_while_the_database_is_stopped_and_recovers_after()
    {
        using var festivals = fixture.Service(ServiceNames.Festivals);
        using var catalog = fixture.Service(ServiceNames.Catalog);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        await ExecuteAsync(ServiceNames.Database, KnownResourceCommands.StopCommand, timeout.Token);
        try
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, await EventuallyAsync(festivals, HttpStatusCode.ServiceUnavailable, timeout.Token));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, await EventuallyAsync(catalog, HttpStatusCode.ServiceUnavailable, timeout.Token));
            // Liveness does not depend on the database: the orchestrator must not restart a healthy process.
            Assert.Equal(HttpStatusCode.OK, (await festivals.GetAsync(ServicePaths.Alive, timeout.Token)).StatusCode);
        }
        finally
        {
            // DynamoDB Local runs in memory: a restarted database is empty until the migrator reloads it.
            await ExecuteAsync(ServiceNames.Database, KnownResourceCommands.StartCommand, timeout.Token);
            await fixture.WaitHealthyAsync(ServiceNames.Database, timeout.Token);
            fixture.App.ResourceNotifications.TryGetCurrentState(ServiceNames.Migrator, out var before);
            await ExecuteAsync(ServiceNames.Migrator, KnownResourceCommands.StartCommand, timeout.Token);
            await fixture.App.ResourceNotifications.WaitForResourceAsync(ServiceNames.Migrator,
                e => e.Snapshot.State?.Text == KnownResourceStates.Finished && e.Snapshot.StopTimeStamp != before?.Snapshot.StopTimeStamp, timeout.Token);
        }

        Assert.Equal(HttpStatusCode.OK, await EventuallyAsync(festivals, HttpStatusCode.OK, timeout.Token));
        Assert.Equal(HttpStatusCode.OK, await EventuallyAsync(catalog, HttpStatusCode.OK, timeout.Token));
    }

    private async Task ExecuteAsync(string resource, string command, CancellationToken cancellationToken)
    {
        var result = await fixture.App.ResourceCommands.ExecuteCommandAsync(resource, command, cancellationToken);
        Assert.True(result.Success, result.Message);
    }

    /// <summary>Polls /health until it gives <paramref name="expected"/>; returns the last status seen.</summary>
    private static async Task<HttpStatusCode> EventuallyAsync(HttpClient client, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        HttpStatusCode status;
        do
        {
            status = (await client.GetAsync(ServicePaths.Ready, cancellationToken)).StatusCode;
            if (status != expected)
            {
                await Task.Delay(250, cancellationToken);
            }
        }
        while (status != expected && !cancellationToken.IsCancellationRequested);
        return status;
    }
}
