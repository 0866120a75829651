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
/// again under read and write load that goes on throughout, through the real gateway: what the edge holds keeps
/// answering, the rest answers 503 in the envelope promptly — while the database is away, and while the migrator
/// reloads it (it runs in memory) until the load marker says loaded —, never a 404 for data the reload has not
/// reached yet; once loaded, the same service processes answer again, with all of db.json and every write they accepted.
/// </summary>
[Collection(WritesCollection.Name)]
public sealed class DatabaseStopTests(WritesFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task While_the_database_is_down_or_reloading_uncached_requests_answer_503_never_404_and_the_same_services_recover_all_of_db_json_and_the_writes_they_accepted()
    {
        var clock = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(Faults.RecoveryBound * 2);
        var faults = new Faults(fixture);
        var gateway = fixture.Gateway;
        var run = Guid.NewGuid().ToString("N")[..8];
        var services = new[] { ServiceNames.Festivals, ServiceNames.Catalog, ServiceNames.Gateway };
        var processes = services.ToDictionary(s => s, faults.ProcessId);

        // db.json's bands (read from the file by the tests' own rules): each exists after the reload.
        string[] bands = [.. Expected.Bands.Keys.Order(StringComparer.Ordinal)];
        // Pages no one asked for yet, each asked once: every band's page and festivals, then keys that exist nowhere (404).
        string[] pages = [.. bands.SelectMany(b => new[] { $"/api/bands/{b}", $"/api/bands/{b}/festivals" })];
        // Pages the edge holds before the fault, one per service (as the table has them now: earlier tests of this fixture wrote to it).
        var festival = (await gateway.FreshAsync("/api/festivals"))["festivals"]![0]!["festivalKey"]!.GetValue<string>();
        var band = (await gateway.FreshAsync("/api/bands?limit=1"))["bands"]![0]!["key"]!.GetValue<string>();
        string[] cached = ["/api/festivals", $"/api/festivals/{festival}", "/api/roles", $"/api/bands/{band}"];
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
            // Writes (new genres) go on throughout: before, while the database is away, while the migrator reloads it, after.
            traffic.Write("write", i => Traffic.AdminRequest(HttpMethod.Post, "/api/admin/genres", new { key = GenreKey(run, i), name = "Fault " + i }));
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
            var restarting = DateTimeOffset.UtcNow;

            await faults.RestartDatabaseAsync(timeout.Token);
            var recovered = DateTimeOffset.UtcNow;
            await traffic.SeenAsync("uncached", recovered, a => a.Status == (int)HttpStatusCode.OK, timeout.Token);
            await traffic.SeenAsync("write", recovered, a => a.Status == (int)HttpStatusCode.Created, timeout.Token);
            await traffic.StopAsync();

            output.WriteLine($"database down {(restarting - stopped).TotalSeconds:0.0} s, back and loaded in {(recovered - restarting).TotalSeconds:0.0} s");
            // Never a hang, never a 500, never a bare error, never a 503 without Retry-After; 404 only for the keys that exist nowhere.
            // (Before the stop, a db.json band an earlier test of this fixture deleted is a 404 too.)
            traffic.Checked(output.WriteLine, a => a.Status == (int)HttpStatusCode.NotFound && a.Code == "RESOURCE_NOT_FOUND" && (a.Index >= pages.Length || a.At < stopped));
            // What the edge holds answered throughout, from the edge.
            Assert.All(traffic.Of("cached"), a => Assert.True(a.Status == (int)HttpStatusCode.OK && a.XCache is "Hit" or "Stale", a.ToString()));
            // db.json's pages once the database was started again: 200 or 503, never 404 — not even while the migrator was loading them.
            Assert.All(traffic.Of("uncached", restarting).Where(a => a.Index < pages.Length), a => Assert.Contains(a.Status, new[] { (int)HttpStatusCode.OK, (int)HttpStatusCode.ServiceUnavailable }));
            Assert.All(traffic.Of("write"), a => Assert.Contains(a.Status, new[] { (int)HttpStatusCode.Created, (int)HttpStatusCode.ServiceUnavailable }));
            Assert.All(traffic.Of("uncached", down).Where(a => a.At < restarting), a => Assert.Equal((int)HttpStatusCode.ServiceUnavailable, a.Status));
            Assert.All(traffic.Of("write", down).Where(a => a.At < restarting), a => Assert.Equal((int)HttpStatusCode.ServiceUnavailable, a.Status));
            // Writes were sent through the restart and the reload, and refused there.
            Assert.Contains(traffic.Of("write", restarting), a => a.At < recovered && Traffic.IsUnavailable(a));

            // Every write accepted once the database was started again (so by the reloaded table) is there; a write refused
            // before that left nothing (its genre went with the stopped database's memory, or never reached it).
            var accepted = traffic.Of("write", restarting).Where(a => a.Status == (int)HttpStatusCode.Created).ToList();
            Assert.NotEmpty(accepted);
            foreach (var write in accepted)
            {
                Assert.Equal("Fault " + write.Index, (await gateway.FreshAsync($"/api/genres/{GenreKey(run, write.Index)}"))["genre"]!["name"]!.GetValue<string>());
            }
            foreach (var refused in traffic.Of("write", stopped).Where(a => a.At < restarting && Traffic.IsUnavailable(a)))
            {
                using var read = await gateway.SendAsync(HttpMethod.Get, $"/api/genres/{GenreKey(run, refused.Index)}", null);
                Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
            }
            output.WriteLine($"writes accepted by the reloaded table: {accepted.Count}, all read back");
        }

        // The same processes answer: recovered without a restart of any service or of the gateway.
        Assert.Equal(processes, services.ToDictionary(s => s, faults.ProcessId));
        // The reloaded table is all of db.json again (whatever earlier tests of this fixture wrote went with the stopped
        // database's memory), read from db.json itself: every festival and its line-up, and every band.
        await faults.PurgeEdgeAsync();
        var festivals = (await gateway.FreshAsync("/api/festivals"))["festivals"]!.AsArray().Select(f => f!["festivalKey"]!.GetValue<string>());
        Assert.Equal(Expected.FestivalsByKey.Keys.Order(StringComparer.Ordinal), festivals.Order(StringComparer.Ordinal));
        foreach (var expected in Expected.Festivals)
        {
            var lineup = (await gateway.FreshAsync($"/api/festivals/{expected.Key}"))["editions"]![0]!["bands"]!.AsArray().Select(b => b!["key"]!.GetValue<string>());
            Assert.Equal(expected.Lineup.Keys.Order(StringComparer.Ordinal), lineup.Order(StringComparer.Ordinal));
        }
        Assert.Equal(Expected.Bands.Count, (await gateway.FreshAsync("/api/bands?limit=1"))["total"]!.GetValue<int>());
        output.WriteLine($"took {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private static string GenreKey(string run, int index) => $"fault-{run}-{index}";
}
