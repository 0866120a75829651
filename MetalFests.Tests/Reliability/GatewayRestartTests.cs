using System.Diagnostics;
using System.Net;
using MetalFests.ServiceDefaults;
using MetalFests.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MetalFests.Tests.Reliability;

/// <summary>The gateway restarted (stopped gracefully, then Aspire's start command): a new process serves the website and the API again at the same address.</summary>
[Collection(WritesCollection.Name)]
public sealed class GatewayRestartTests(WritesFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task After_a_gateway_restart_the_website_and_the_api_answer_again()
    {
        var clock = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(Faults.RecoveryBound);
        var faults = new Faults(fixture);
        var before = faults.ProcessId(ServiceNames.Gateway);
        var festivals = await fixture.Gateway.GetStringAsync("/api/festivals", timeout.Token);

        await faults.RestartAsync(ServiceNames.Gateway, timeout.Token);

        Assert.NotEqual(before, faults.ProcessId(ServiceNames.Gateway));
        using var page = await fixture.Gateway.GetAsync("/", timeout.Token);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        using var api = await fixture.Gateway.GetAsync("/api/festivals", timeout.Token);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        // A new process: its edge cache starts empty, and the answer is the same.
        Assert.Equal("Miss", api.Headers.GetValues("X-Cache").Single());
        Assert.Equal(festivals, await api.Content.ReadAsStringAsync(timeout.Token));
        using var admin = await fixture.Gateway.SendAsync(HttpMethod.Get, "/api/admin/stats", null);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        output.WriteLine($"took {clock.Elapsed.TotalSeconds:0.0} s");
    }
}
