using System.Diagnostics;
using System.Net;
using Aspire.Hosting.ApplicationModel;
using MetalFests.ServiceDefaults;
using MetalFests.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MetalFests.Tests.Reliability;

/// <summary>
/// A service killed (SIGKILL) while requests are inside it: the gateway answers each of them, and a request
/// while the service is gone, 503 in the envelope within its origin timeout — no hang, no bare 502; started
/// again (Aspire's start command, as an operator would), the service answers through the same gateway process.
/// </summary>
[Collection(WritesCollection.Name)]
public sealed class ServiceKillTests(WritesFixture fixture, ITestOutputHelper output)
{
    private const int InFlight = 4;

    [Fact]
    public async Task Requests_cut_by_a_killed_service_get_an_enveloped_503_and_the_restarted_service_answers_again()
    {
        var clock = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(Faults.RecoveryBound);
        var faults = new Faults(fixture);
        var gateway = fixture.Gateway;
        var killed = faults.ProcessId(ServiceNames.Catalog);
        var gatewayProcess = faults.ProcessId(ServiceNames.Gateway);
        var pages = (await gateway.FreshAsync("/api/bands?limit=100&offset=900"))["bands"]!.AsArray().Select(b => $"/api/bands/{b!["key"]}").ToList();

        var traffic = new Traffic(gateway);
        await using (traffic)
        {
            Answer[] answers;
            try
            {
                // Frozen first, so that the requests are surely inside the service when it dies.
                faults.Freeze(ServiceNames.Catalog);
                var cut = Enumerable.Range(0, InFlight).Select(i => traffic.SendAsync("cut", i, () => new HttpRequestMessage(HttpMethod.Get, pages[i]))).ToList();
                await Until.TrueAsync(() => Task.FromResult(faults.HasUnreadRequests(ServiceNames.Catalog)), timeout.Token);
                faults.Kill(ServiceNames.Catalog);
                await faults.StoppedAsync(ServiceNames.Catalog, timeout.Token);
                var gone = await traffic.SendAsync("gone", 0, () => new HttpRequestMessage(HttpMethod.Get, pages[InFlight]));
                answers = [.. await Task.WhenAll(cut), gone];
            }
            finally
            {
                // Whatever happened above, the next test finds the service running.
                if (fixture.App.ResourceNotifications.TryGetCurrentState(ServiceNames.Catalog, out var state)
                    && KnownResourceStates.TerminalStates.Contains(state.Snapshot.State?.Text))
                {
                    await faults.CommandAsync(ServiceNames.Catalog, KnownResourceCommands.StartCommand, timeout.Token);
                }
                else if (faults.ProcessId(ServiceNames.Catalog) == killed)
                {
                    faults.Resume(ServiceNames.Catalog);
                }
                await faults.ReadyAsync(ServiceNames.Catalog, timeout.Token);
            }

            foreach (var answer in answers)
            {
                output.WriteLine(answer.ToString());
                Assert.True(Traffic.IsUnavailable(answer) && answer.SaysWhenToRetry && answer.Took < Traffic.RequestBound, answer.ToString());
            }
            var back = await traffic.SendAsync("back", 0, () => new HttpRequestMessage(HttpMethod.Get, pages[InFlight + 1]));
            Assert.Equal((int)HttpStatusCode.OK, back.Status);
        }

        Assert.NotEqual(killed, faults.ProcessId(ServiceNames.Catalog));
        Assert.Equal(gatewayProcess, faults.ProcessId(ServiceNames.Gateway));
        output.WriteLine($"took {clock.Elapsed.TotalSeconds:0.0} s");
    }
}
