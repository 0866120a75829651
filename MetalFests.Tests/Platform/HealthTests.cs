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

    /// <summary>
    /// One outage of the database (restarting it costs a reload of the data), three rules: readiness
    /// follows the database, reads the edge has no copy of answer 503 in the envelope, and the edge
    /// serves its expired copies, marked stale, for up to 24 hours past expiry.
    /// </summary>
    [Fact]
    public async Task During_a_database_outage_health_fails_reads_get_503_and_the_edge_serves_stale_copies()
    {
        using var festivals = fixture.Service(ServiceNames.Festivals);
        using var catalog = fixture.Service(ServiceNames.Catalog);
        using var edge = new InProcessGateway(Edge.CacheExpiryTests.Unlimited, fixture);
        using var edgeClient = edge.CreateClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        using var cached = await edgeClient.GetAsync("/api/festivals/hellfest", timeout.Token);
        var cachedBody = await cached.Content.ReadAsStringAsync(timeout.Token);

        await ExecuteAsync(ServiceNames.Database, KnownResourceCommands.StopCommand, timeout.Token);
        try
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, await EventuallyAsync(festivals, HttpStatusCode.ServiceUnavailable, timeout.Token));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, await EventuallyAsync(catalog, HttpStatusCode.ServiceUnavailable, timeout.Token));
            // Liveness does not depend on the database: the orchestrator must not restart a healthy process.
            Assert.Equal(HttpStatusCode.OK, (await festivals.GetAsync(ServicePaths.Alive, timeout.Token)).StatusCode);

            using var uncached = await fixture.Gateway.GetAsync("/api/bands/iron-maiden?outage=1", timeout.Token);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, uncached.StatusCode);
            Assert.Equal("SERVICE_UNAVAILABLE", (await Envelope.ReadAsync(uncached)).GetProperty("code").GetString());
            Assert.True(uncached.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {uncached.Headers.RetryAfter}");

            edge.Clock.Advance(TimeSpan.FromMinutes(31));
            using var stale = await edgeClient.GetAsync("/api/festivals/hellfest", timeout.Token);
            Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
            Assert.Equal("Stale", stale.Headers.GetValues("X-Cache").Single());
            Assert.Equal(cachedBody, await stale.Content.ReadAsStringAsync(timeout.Token));

            edge.Clock.Advance(TimeSpan.FromHours(24));
            using var tooOld = await edgeClient.GetAsync("/api/festivals/hellfest", timeout.Token);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, tooOld.StatusCode);
            Assert.True(tooOld.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {tooOld.Headers.RetryAfter}");
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
