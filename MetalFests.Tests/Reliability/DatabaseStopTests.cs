using System.Diagnostics;
using System.Net;
using Aspire.Hosting.ApplicationModel;
using MetalFests.ServiceDefaults;
using MetalFests.Tests.Infrastructure;
using MetalFests.Tests.PublicApi;
using Xunit.Abstractions;

namespace MetalFests.Tests.Reliability;

/// <summary>
/// DynamoDB Local stopped (Aspire's stop command: the process ends, connections are refused) and started
/// again under read and write load, through the real gateway: what the edge holds keeps answering, the
/// rest answers 503 in the envelope promptly, and once the database is back (reloaded with db.json, as
/// at start-up: it runs in memory) the same service processes answer again.
/// </summary>
[Collection(WritesCollection.Name)]
public sealed class DatabaseStopTests(WritesFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task While_the_database_is_down_cached_pages_answer_from_the_edge_the_rest_503_in_the_envelope_and_the_same_services_recover()
    {
        var clock = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(Faults.RecoveryBound * 2);
        var faults = new Faults(fixture);
        var gateway = fixture.Gateway;
        var run = Guid.NewGuid().ToString("N")[..8];
        var services = new[] { ServiceNames.Festivals, ServiceNames.Catalog, ServiceNames.Gateway };
        var processes = services.ToDictionary(s => s, faults.ProcessId);

        // Pages the edge holds before the fault, one per service; the writes below (new genres) evict none of them.
        var bands = new List<string>();
        for (var offset = 0; offset < 2000; offset += 500)
        {
            bands.AddRange((await gateway.FreshAsync($"/api/bands?limit=500&offset={offset}"))["bands"]!.AsArray().Select(b => b!["key"]!.GetValue<string>()));
        }
        // Pages no one asked for yet, each asked once: every band's page and festivals, then keys that exist nowhere (404).
        string[] pages = [.. bands.Skip(1).SelectMany(b => new[] { $"/api/bands/{b}", $"/api/bands/{b}/festivals" })];
        var festival = (await gateway.FreshAsync("/api/festivals"))["festivals"]![0]!["festivalKey"]!.GetValue<string>();
        string[] cached = ["/api/festivals", $"/api/festivals/{festival}", "/api/roles", $"/api/bands/{bands[0]}"];
        foreach (var path in cached)
        {
            await gateway.GetStringAsync(path, timeout.Token);
            using var hit = await gateway.GetAsync(path, timeout.Token);
            Assert.Equal("Hit", hit.Headers.GetValues("X-Cache").Single());
        }

        var traffic = new Traffic(gateway);
        await using (traffic)
        {
            traffic.Read("cached", cached);
            traffic.Read("uncached", i => i < pages.Length ? pages[i] : $"/api/bands/absent-{run}-{i}");
            // Writes stop before the database starts again: in the seconds between its start and the migrator's reload the
            // table is empty, and a write landing there would make the migrator (--if-empty) skip the reload (see README).
            var restarting = DateTimeOffset.MaxValue;
            var writes = traffic.WriteUntil("write", i => Traffic.AdminRequest(HttpMethod.Post, "/api/admin/genres", new { key = GenreKey(run, i), name = "Fault " + i }),
                () => restarting != DateTimeOffset.MaxValue);
            await traffic.SeenAsync("write", default, a => a.Status == (int)HttpStatusCode.Created, timeout.Token);

            var stopped = DateTimeOffset.UtcNow;
            await faults.CommandAsync(ServiceNames.Database, KnownResourceCommands.StopCommand, timeout.Token);
            await traffic.SeenAsync("uncached", stopped, Traffic.IsUnavailable, timeout.Token);
            await traffic.SeenAsync("write", stopped, Traffic.IsUnavailable, timeout.Token);
            var down = DateTimeOffset.UtcNow;
            // The outage goes on until the edge has answered each cached page again and more reads and writes were refused.
            await Until.TrueAsync(() => Task.FromResult(
                traffic.Of("cached", down).Select(a => a.Path).Distinct().Count() == cached.Length
                && traffic.Of("uncached", down).Count(Traffic.IsUnavailable) >= 3
                && traffic.Of("write", down).Count(Traffic.IsUnavailable) >= 3), timeout.Token);
            restarting = DateTimeOffset.UtcNow;
            await writes;

            await faults.RestartDatabaseAsync(timeout.Token);
            var recovered = DateTimeOffset.UtcNow;
            traffic.Write("write after", i => Traffic.AdminRequest(HttpMethod.Post, "/api/admin/genres", new { key = $"fault-{run}-after-{i}", name = "Fault after " + i }));
            await traffic.SeenAsync("uncached", recovered, a => a.Status is (int)HttpStatusCode.OK or (int)HttpStatusCode.NotFound, timeout.Token);
            await traffic.SeenAsync("write after", recovered, a => a.Status == (int)HttpStatusCode.Created, timeout.Token);
            await traffic.StopAsync();

            output.WriteLine($"database down {(restarting - stopped).TotalSeconds:0.0} s, back in {(recovered - restarting).TotalSeconds:0.0} s");
            // Never a hang, never a 500, never a bare error, never a 503 without Retry-After; 404 only for the keys that exist nowhere.
            traffic.Checked(output.WriteLine, a => a.Status == (int)HttpStatusCode.NotFound && a.Code == "RESOURCE_NOT_FOUND");
            // What the edge holds answered throughout, from the edge.
            Assert.All(traffic.Of("cached"), a => Assert.True(a.Status == (int)HttpStatusCode.OK && a.XCache is "Hit" or "Stale", a.ToString()));
            // The rest: 200 before and after, 503 while the database was away.
            Assert.All(traffic.Of("uncached"), a => Assert.Contains(a.Status, new[] { (int)HttpStatusCode.OK, (int)HttpStatusCode.NotFound, (int)HttpStatusCode.ServiceUnavailable }));
            Assert.All(traffic.Of("write"), a => Assert.Contains(a.Status, new[] { (int)HttpStatusCode.Created, (int)HttpStatusCode.ServiceUnavailable }));
            Assert.All(traffic.Of("write after"), a => Assert.Equal((int)HttpStatusCode.Created, a.Status));
            Assert.All(traffic.Of("uncached", down).Where(a => a.At < restarting), a => Assert.Equal((int)HttpStatusCode.ServiceUnavailable, a.Status));
            Assert.All(traffic.Of("write", down).Where(a => a.At < restarting), a => Assert.Equal((int)HttpStatusCode.ServiceUnavailable, a.Status));

            // A refused write left nothing: its genre is not in the reloaded table.
            foreach (var refused in traffic.Of("write", stopped).Where(Traffic.IsUnavailable).Take(5))
            {
                using var read = await gateway.SendAsync(HttpMethod.Get, $"/api/genres/{GenreKey(run, refused.Index)}", null);
                Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
            }
        }

        // The same processes answer: recovered without a restart of any service or of the gateway.
        Assert.Equal(processes, services.ToDictionary(s => s, faults.ProcessId));
        // The reloaded table is db.json again (the run's genres, and whatever earlier tests of this fixture wrote, went with
        // the stopped database's memory): its festivals and its number of bands, read from db.json itself.
        await faults.PurgeEdgeAsync();
        var festivals = (await gateway.FreshAsync("/api/festivals"))["festivals"]!.AsArray().Select(f => f!["festivalKey"]!.GetValue<string>());
        Assert.Equal(Expected.FestivalsByKey.Keys.Order(StringComparer.Ordinal), festivals.Order(StringComparer.Ordinal));
        Assert.Equal(Expected.Bands.Count, (await gateway.FreshAsync("/api/bands?limit=1"))["total"]!.GetValue<int>());
        output.WriteLine($"took {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private static string GenreKey(string run, int index) => $"fault-{run}-{index}";
}
