using System.Net;
using Amazon.DynamoDBv2.Model;
using MetalFests.CatalogService.Bands;
using MetalFests.Migrator.Migration;
using MetalFests.Migrator.Source;
using MetalFests.Storage;
using MetalFests.Storage.Model;
using MetalFests.Storage.Reads;
using MetalFests.Tests.Infrastructure;
using MetalFests.Tests.PublicApi;

namespace MetalFests.Tests.Migration;

/// <summary>
/// The load marker on scratch tables of DynamoDB Local: the migrator marks a table loaded last, after it verified
/// the load; the real catalog service (in this process) answers 503 until then; <c>--if-empty</c> loads a table
/// that holds writes but no marker (keeping them) and adopts, without writing, one an older migrator loaded.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class LoadMarkerTests(AppFixture fixture)
{
    private static readonly string Current = Scratch.Fixture("current.json");

    private Task<MetalFestsTable> ScratchTableAsync() => Scratch.TableAsync(fixture);

    private static Task<MigrationReport> MigrateAsync(MetalFestsTable table, string file) => Scratch.MigrateAsync(table, file);

    [Fact]
    public async Task The_marker_says_loaded_only_after_a_verified_load_and_names_the_run_whose_versions_it_bumped()
    {
        var table = await ScratchTableAsync();
        Assert.Null(await LoadMarker.ReadAsync(table, default));

        var report = await MigrateAsync(table, Current);

        Assert.Empty(report.Verification.Problems);
        var marker = await LoadMarker.ReadAsync(table, default);
        Assert.NotNull(marker);
        Assert.Equal(LoadMarker.Loaded, marker.State);
        Assert.Equal("current.json", marker.Source);
        Assert.False(marker.Adopted);
        Assert.Equal(report.Verification.ItemsChecked, marker.ItemsVerified);
        Assert.Equal(report.Marker?.Run, marker.Run);
        // Every version item the load put carries the run's token; the run bumped a shard of each list it filled.
        var versions = (await table.ScanAllAsync(default)).Where(PartitionVersions.IsVersion).ToList();
        Assert.Equal(report.VersionsBumped, versions.Count);
        Assert.All(versions, v => Assert.Equal(MigrationRunner.VersionToken(marker.Run), v[PartitionVersions.TokenAttribute].S));
        Assert.Equal(
            [TableLayout.BandsListPk, TableLayout.FestivalsListPk, TableLayout.GenresListPk, TableLayout.RolesListPk],
            versions.Select(v => Items.Pk(v)).Where(pk => pk.StartsWith(TableLayout.VersionPk("METADATA#"), StringComparison.Ordinal))
                .Distinct().Select(pk => pk[TableLayout.VersionPk("").Length..]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_file_refused_as_bad_input_leaves_no_marker_and_no_item()
    {
        var table = await ScratchTableAsync();
        var bad = Path.Combine(Path.GetTempPath(), $"metalfests-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(bad, """{ "festivals": [], "bands": [ { "key": "beta", "name": 42 } ] }""");

        await Assert.ThrowsAsync<SourceException>(() => MigrateAsync(table, bad));

        Assert.True(await table.IsEmptyAsync(default));
    }

    [Fact]
    public async Task The_service_answers_503_with_Retry_After_until_the_table_is_loaded_then_serves_it()
    {
        var table = await ScratchTableAsync();
        await using var catalog = new ScratchTableService<BandPage>(fixture, table.Name);
        using var client = catalog.CreateClient();

        // Not loaded: not ready, and neither a read (which would be a 404 for a band not loaded yet) nor a write is served.
        using (var health = await client.GetAsync(MetalFests.ServiceDefaults.ServicePaths.Ready))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        }
        foreach (var path in new[] { "/api/bands/iron-maiden", "/api/genres", "/api/v2/bands" })
        {
            await AssertNotLoadedAsync(client, HttpMethod.Get, path);
        }
        await AssertNotLoadedAsync(client, HttpMethod.Post, "/api/admin/genres");

        // Loading is not loaded: a marker that says so is not served either.
        var loading = new LoadMarker(LoadMarker.Loading, "test", "current.json", DateTime.UtcNow, Adopted: false, 0);
        Assert.True(await loading.PutLoadingAsync(table, default));
        await AssertNotLoadedAsync(client, HttpMethod.Get, "/api/bands/iron-maiden");

        await MigrateAsync(table, Current);

        // The same process serves the loaded table at once (an unloaded table is never trusted: the next request reads the marker).
        Assert.Equal("Iron Maiden", (await client.GetOkAsync("/api/bands/iron-maiden")).GetProperty("band").Str("name"));
        using var ready = await client.GetAsync(MetalFests.ServiceDefaults.ServicePaths.Ready);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    private static async Task AssertNotLoadedAsync(HttpClient client, HttpMethod method, string path)
    {
        using var response = await client.SendAsync(new HttpRequestMessage(method, path));
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        var error = await Envelope.ReadAsync(response);
        Assert.Equal("SERVICE_UNAVAILABLE", error.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_table_holding_writes_but_no_marker_is_loaded_by_if_empty_and_keeps_those_writes()
    {
        var table = await ScratchTableAsync();
        // A genre an editor created before any load (the window of a restarted in-memory database, with services that did
        // not wait for the marker): its entity and list row as the write side stores them, stamped with the editor's key id.
        var genre = new Genre("written-early", "Written Early", "accepted before the load", 0);
        var now = DateTime.UtcNow;
        foreach (var item in new[] { Items.Genre(genre), Items.GenreSummary(genre) })
        {
            await table.Client.PutItemAsync(new PutItemRequest { TableName = table.Name, Item = Items.Stamp(item, null, now, "dev") });
        }
        var runner = new MigrationRunner(table, TimeProvider.System);

        var decision = await runner.DecideIfEmptyAsync(dryRun: false, default);
        Assert.Equal(IfEmptyOutcome.Load, decision.Outcome);
        var report = await runner.RunAsync(new MigrationOptions(Current, DryRun: false, OverwriteEdited: false), default);

        Assert.Empty(report.Verification.Problems);
        Assert.Contains($"GENRE {TableLayout.GenrePk("written-early")}/{TableLayout.Metadata}", report.Items.KeptOnlyInTable);
        Assert.Equal("Written Early", Items.ReadGenre((await table.GetAsync(TableLayout.GenrePk("written-early"), TableLayout.Metadata, default))!).Name);
        Assert.True((await LoadMarker.ReadAsync(table, default))?.IsLoaded);
        // The whole file is there too: every band of its line-ups and records (keys read from the file itself).
        var bands = (await table.QueryPartitionAsync(TableLayout.BandsListPk, default)).Select(Items.ReadBandSummary).Select(b => b.Key);
        Assert.Superset(FixtureBandKeys().ToHashSet(), bands.ToHashSet());
        Assert.Equal(IfEmptyOutcome.Loaded, (await runner.DecideIfEmptyAsync(dryRun: false, default)).Outcome);
    }

    [Fact]
    public async Task A_table_an_older_migrator_loaded_is_adopted_by_if_empty_as_it_stands_and_a_load_cut_short_is_loaded_again()
    {
        var table = await ScratchTableAsync();
        await MigrateAsync(table, Current);
        // What an older migrator left: the same load, without a marker.
        await table.Client.DeleteItemAsync(table.Name, MetalFestsTable.Key(TableLayout.LoadMarkerPk, TableLayout.LoadMarkerSk));
        var before = await ItemsAsync(table);
        var runner = new MigrationRunner(table, TimeProvider.System);

        var dryRun = await runner.DecideIfEmptyAsync(dryRun: true, default);
        Assert.Equal(IfEmptyOutcome.Adopted, dryRun.Outcome);
        Assert.Null(await LoadMarker.ReadAsync(table, default));
        var adopted = await runner.DecideIfEmptyAsync(dryRun: false, default);

        Assert.Equal(IfEmptyOutcome.Adopted, adopted.Outcome);
        var marker = await LoadMarker.ReadAsync(table, default);
        Assert.NotNull(marker);
        Assert.True(marker is { IsLoaded: true, Adopted: true }, marker.ToString());
        Assert.Equal(MigrationRunner.AdoptedSource, marker.Source);
        // Nothing but the marker was written.
        Assert.Equal(before, (await ItemsAsync(table)).Where(i => !i.StartsWith(TableLayout.LoadMarkerPk + "/", StringComparison.Ordinal)));
        Assert.Equal(IfEmptyOutcome.Loaded, (await runner.DecideIfEmptyAsync(dryRun: false, default)).Outcome);

        // A load cut short leaves its marker "loading": loaded again, never adopted.
        await new LoadMarker(LoadMarker.Loading, "cut-short", "current.json", DateTime.UtcNow, Adopted: false, 0).PutAsync(table, default);
        Assert.Equal(IfEmptyOutcome.Load, (await runner.DecideIfEmptyAsync(dryRun: false, default)).Outcome);
    }

    /// <summary>Every item as its key and attributes, in key order (what "nothing was written" compares).</summary>
    private static async Task<List<string>> ItemsAsync(MetalFestsTable table) =>
        [.. (await table.ScanAllAsync(default)).Select(i => $"{Items.Pk(i)}/{Items.Sk(i)} {Json(i)}").Order(StringComparer.Ordinal)];

    private static string Json(Dictionary<string, AttributeValue> item)
    {
        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            AttributeJson.Write(writer, new SortedDictionary<string, AttributeValue>(item, StringComparer.Ordinal));
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static IEnumerable<string> FixtureBandKeys()
    {
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Current));
        var root = document.RootElement;
        return [.. root.GetProperty("bands").EnumerateArray().Select(b => b.Str("key"))
            .Concat(root.GetProperty("festivals").EnumerateArray().SelectMany(f => f.GetProperty("bands").EnumerateArray()).Select(b => b.Str("key")))];
    }
}
