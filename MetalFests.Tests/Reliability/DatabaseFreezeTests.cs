using System.Diagnostics;
using System.Net;
using MetalFests.Migrator.Migration;
using MetalFests.ServiceDefaults;
using MetalFests.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MetalFests.Tests.Reliability;

/// <summary>
/// DynamoDB Local frozen (SIGSTOP: connections open, nothing answered, as a database that hangs or a network
/// that drops packets) in the middle of line-up and create writes, then resumed: unlike a stop, the table
/// keeps its data, so every write can be read back. Each write is all or nothing, an accepted one is there,
/// and every count and copy in the table equals a recount from the entities.
/// </summary>
[Collection(WritesCollection.Name)]
public sealed class DatabaseFreezeTests(WritesFixture fixture, ITestOutputHelper output)
{
    private const int Year = 2031;

    [Fact]
    public async Task Writes_cut_off_by_a_hung_database_are_all_or_nothing_and_every_count_stays_exact()
    {
        var clock = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(Faults.RecoveryBound * 2);
        var faults = new Faults(fixture);
        var gateway = fixture.Gateway;
        var run = Guid.NewGuid().ToString("N")[..8];
        var festival = $"freeze-fest-{run}";
        var bands = Enumerable.Range(0, 6).Select(i => $"freeze-band-{run}-{i}").ToList();
        foreach (var band in bands)
        {
            await SetUp.ExpectAsync(HttpStatusCode.Created, gateway.AdminPostAsync("/api/admin/bands", AdminRequests.Band(band, "Freeze " + band)));
        }
        await SetUp.ExpectAsync(HttpStatusCode.Created, gateway.AdminPostAsync("/api/admin/festivals", AdminRequests.Festival(festival)));
        var processes = new[] { ServiceNames.Festivals, ServiceNames.Catalog }.ToDictionary(s => s, faults.ProcessId);
        var uncached = (await gateway.FreshAsync("/api/bands?limit=500&offset=500"))["bands"]!.AsArray().Select(b => $"/api/bands/{b!["key"]}/festivals").ToArray();

        var traffic = new Traffic(gateway);
        await using (traffic)
        {
            traffic.Write("lineup", i => Traffic.AdminRequest(HttpMethod.Put, $"/api/festivals/{festival}/editions/{Year}", AdminRequests.Edition(Year, Lineup(bands, i))));
            traffic.Write("create", i => Traffic.AdminRequest(HttpMethod.Post, "/api/admin/genres", new { key = GenreKey(run, i), name = "Freeze " + i }));
            traffic.Read("uncached", uncached);
            await traffic.SeenAsync("lineup", default, a => a.Status is (int)HttpStatusCode.OK or (int)HttpStatusCode.Created, timeout.Token);
            await traffic.SeenAsync("create", default, a => a.Status == (int)HttpStatusCode.Created, timeout.Token);

            var frozen = DateTimeOffset.UtcNow;
            faults.Freeze(ServiceNames.Database);
            try
            {
                // Hung long enough for every kind of request to have given up on it.
                await traffic.SeenAsync("lineup", frozen, Traffic.IsUnavailable, timeout.Token);
                await traffic.SeenAsync("create", frozen, Traffic.IsUnavailable, timeout.Token);
                await traffic.SeenAsync("uncached", frozen, Traffic.IsUnavailable, timeout.Token);
            }
            finally
            {
                faults.Resume(ServiceNames.Database);
            }
            var resumed = DateTimeOffset.UtcNow;
            await traffic.SeenAsync("lineup", resumed, a => a.Status == (int)HttpStatusCode.OK, timeout.Token);
            await traffic.SeenAsync("create", resumed, a => a.Status == (int)HttpStatusCode.Created, timeout.Token);
            await traffic.StopAsync();

            output.WriteLine($"database hung {(resumed - frozen).TotalSeconds:0.0} s");
            traffic.Checked(output.WriteLine);

            // The line-up: the last accepted write's, or that of a later write whose answer was a 503 (sent,
            // then cut off: the database may have applied it when it resumed), or the write in flight when the
            // traffic stopped (sent, its answer never recorded; the loop sends one at a time) — never a mix.
            var writes = traffic.Of("lineup").OrderBy(a => a.Index).ToList();
            var lastAccepted = writes.Last(a => a.Status is (int)HttpStatusCode.OK or (int)HttpStatusCode.Created).Index;
            var stored = await EditionLineupAsync(festival);
            var inFlightAtStop = writes[^1].Index + 1;
            var candidates = writes.Where(a => a.Index == lastAccepted || a.Index > lastAccepted && Traffic.IsUnavailable(a)).Select(a => a.Index)
                .Append(inFlightAtStop).ToList();
            Assert.Contains(candidates, i => Lineup(bands, i).Order().SequenceEqual(stored));
            output.WriteLine($"line-up of write #{candidates.First(i => Lineup(bands, i).Order().SequenceEqual(stored))} (last accepted #{lastAccepted})");

            // Creates: an accepted one is there, whole; a 503 one is there whole or not at all.
            var unknownApplied = 0;
            foreach (var create in traffic.Of("create"))
            {
                using var read = await gateway.SendAsync(HttpMethod.Get, $"/api/genres/{GenreKey(run, create.Index)}", null);
                if (create.Status == (int)HttpStatusCode.Created)
                {
                    Assert.Equal(HttpStatusCode.OK, read.StatusCode);
                }
                if (read.StatusCode == HttpStatusCode.OK)
                {
                    Assert.Equal("Freeze " + create.Index, (await read.JsonAsync())["genre"]!["name"]!.GetValue<string>());
                    unknownApplied += create.Status == (int)HttpStatusCode.Created ? 0 : 1;
                }
                else
                {
                    Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
                }
            }
            output.WriteLine($"{unknownApplied} create(s) answered 503 and applied when the database resumed");
        }

        // Every count, list row, adjacency item and copy equals the tests' own recount from the entities: nothing half-written.
        TableRecount.AssertConsistent(await fixture.Table().ScanAllAsync(timeout.Token));
        Assert.Equal(processes, processes.Keys.ToDictionary(s => s, faults.ProcessId));
        output.WriteLine($"took {clock.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>Write <paramref name="index"/>'s line-up: three of the bands, a different three each time.</summary>
    private static IEnumerable<string> Lineup(List<string> bands, int index) =>
        Enumerable.Range(index % bands.Count, 3).Select(i => bands[i % bands.Count]);

    private static string GenreKey(string run, int index) => $"freeze-{run}-{index}";

    private async Task<List<string>> EditionLineupAsync(string festival)
    {
        // With a key: the edge never answers it from the cache (a write answered 503 evicted nothing, yet may have been applied).
        using var response = await fixture.Gateway.SendAsync(HttpMethod.Get, $"/api/festivals/{festival}/editions/{Year}", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var edition = await response.JsonAsync();
        return [.. edition["edition"]!["bands"]!.AsArray().Select(b => b!["key"]!.GetValue<string>()).Order()];
    }

}
