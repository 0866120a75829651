using System.Net;
using System.Text.Json;
using MetalFests.CatalogService.Bands;
using MetalFests.FestivalsService.Admin;
using MetalFests.Migrator.Migration;
using MetalFests.Storage;
using MetalFests.Tests.Browser;
using MetalFests.Tests.Infrastructure;
using MetalFests.Tests.PublicApi;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MetalFests.Tests.Migration;

/// <summary>
/// Older shapes of db.json: the two small fixtures of <c>Migration/Fixtures</c> (see its README: derived from
/// today's db.json, the older one without line-up <c>size</c>, with non-ASCII keys, and with a band only it has),
/// each migrated into scratch tables of DynamoDB Local and read back through the real services.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class HistoricalShapeMigrationTests(AppFixture fixture)
{
    private static readonly string Older = FixturePath("older.json");
    private static readonly string Current = FixturePath("current.json");

    /// <summary>The band only the older file has (today's record of Múr, under its older key).</summary>
    private const string OldOnlyBand = "mr";

    private static string FixturePath(string name) => Path.Combine(Repository.Root, "MetalFests.Tests", "Migration", "Fixtures", name);

    [Fact]
    public async Task An_older_file_is_migrated_with_its_defaults_and_old_keys_reported_and_old_keys_redirect()
    {
        await using var older = await MigrateAsync(Older);
        var report = Assert.Single(older.Reports);

        Assert.Empty(report.Verification.Problems);
        var entries = Lineups(Older).Sum(l => l.Count);
        Assert.Equal(10, entries);
        Assert.Equal(
            [("festivals[].bands[].size", "0", entries), ("bands[].genres", "[]", 1), ("bands[].members", "[]", 1)],
            report.Decisions.DefaultsApplied.Select(d => (d.Field, d.Default, d.Count)));
        Assert.Equal(
            [
                ("BAND", "hällas", "hllas"), ("BAND", "múr", "mr"), ("BAND", "ström", "strm"),
                ("FESTIVAL", "karmøygeddon-metal-festival-2026", "karmygeddon-metal-festival-2026"),
            ],
            report.Decisions.TransliteratedKeys.Select(t => (t.Entity, t.OldKey, t.Key)));

        // A line-up entry without a size is served with the default size 0.
        var edition = await older.OkAsync("/api/festivals/sweden-rock-festival/editions/2026");
        Assert.All(edition.GetProperty("edition").Rows("bands"), band => Assert.Equal(0, band.Int("size")));

        // Old links: a 301 to the same URL with the key now (path segment URL-encoded as a browser sends it).
        await older.AssertMovedAsync("/api/bands/h%C3%A4llas", "/api/bands/hllas");
        await older.AssertMovedAsync("/api/bands/str%C3%B6m/festivals", "/api/bands/strm/festivals");
        await older.AssertMovedAsync("/api/festivals/karm%C3%B8ygeddon-metal-festival-2026", "/api/festivals/karmygeddon-metal-festival-2026");
        await older.AssertMovedAsync("/api/festivals/karm%C3%B8ygeddon-metal-festival-2026/editions/2026", "/api/festivals/karmygeddon-metal-festival-2026/editions/2026");
        Assert.Equal("Hällas", (await older.OkAsync("/api/bands/hllas")).GetProperty("band").Str("name"));
        // A non-ASCII key that is no alias is refused as before, naming the parameter.
        var refused = await older.GetAsync("/api/bands/n%C3%B6pe");
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("key", JsonDocument.Parse(refused.Body).RootElement.GetProperty("error").GetProperty("details").GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Re_migrating_an_older_file_then_the_current_one_answers_as_the_current_one_alone_but_for_the_old_only_band()
    {
        await using var alone = await MigrateAsync(Current);
        await using var both = await MigrateAsync(Older, Current);

        Assert.All(alone.Reports.Concat(both.Reports), r => Assert.Empty(r.Verification.Problems));
        Assert.Empty(alone.Reports[0].Items.KeptOnlyInTable);
        Assert.Equal([$"BAND {TableLayout.BandPk(OldOnlyBand)}/{TableLayout.Metadata}"], both.Reports[1].Items.KeptOnlyInTable);
        Assert.Empty(both.Reports[1].Decisions.DefaultsApplied);
        Assert.Empty(both.Reports[1].Decisions.TransliteratedKeys);

        // Every answer about the current file's entities is the same, to the byte.
        var (bands, festivals) = Keys(Current);
        var genres = (await alone.OkAsync("/api/genres")).Rows("genres").Select(g => g.Str("key")).ToList();
        var roles = (await alone.OkAsync("/api/roles")).Rows("roles").Select(r => r.Str("key")).ToList();
        Assert.NotEmpty(genres);
        Assert.NotEmpty(roles);
        string[] paths =
        [
            "/api/festivals", "/api/festivals/upcoming", "/api/genres", "/api/roles",
            .. bands.SelectMany(b => new[] { $"/api/bands/{b}", $"/api/bands/{b}/festivals" }),
            .. festivals.SelectMany(f => new[] { $"/api/festivals/{f}", $"/api/festivals/{f}/editions", $"/api/festivals/{f}/editions/2026" }),
            .. genres.Select(g => $"/api/genres/{g}/bands"),
            .. roles.Select(r => $"/api/roles/{r}/members"),
        ];
        foreach (var path in paths)
        {
            var expected = await alone.GetAsync(path);
            var actual = await both.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, expected.Status);
            Assert.True(expected.Body == actual.Body, $"{path}:{Environment.NewLine}current alone: {expected.Body}{Environment.NewLine}older, then current: {actual.Body}");
        }

        // The band lists hold the old-only band besides (kept, with no festival), and nothing else.
        foreach (var list in new[] { "/api/bands?limit=500", "/api/bands/unreviewed?limit=500" })
        {
            var expected = (await alone.OkAsync(list)).Rows("bands").Select(b => b.GetRawText()).ToList();
            var actual = (await both.OkAsync(list)).Rows("bands").ToList();
            var oldOnly = Assert.Single(actual, b => b.Str("key") == OldOnlyBand);
            Assert.Equal(0, oldOnly.Int("festivalCount"));
            Assert.Equal(expected, actual.Where(b => b.Str("key") != OldOnlyBand).Select(b => b.GetRawText()));
        }

        // The older file's links still resolve after the current file replaced its entities.
        await both.AssertMovedAsync("/api/bands/h%C3%A4llas", "/api/bands/hllas");
        await both.AssertMovedAsync("/api/bands/m%C3%BAr", $"/api/bands/{OldOnlyBand}");
        Assert.Equal(HttpStatusCode.BadRequest, (await alone.GetAsync("/api/bands/h%C3%A4llas")).Status);
    }

    /// <summary>The band and festival keys of a fixture, read plainly: line-up keys and band record keys, festival keys.</summary>
    private static (IReadOnlyList<string> Bands, IReadOnlyList<string> Festivals) Keys(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = document.RootElement;
        var festivals = root.GetProperty("festivals").EnumerateArray().Select(f => f.Str("key")).ToList();
        var bands = Lineups(path).SelectMany(l => l).Concat(root.GetProperty("bands").EnumerateArray().Select(b => b.Str("key")))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        return (bands, festivals);
    }

    /// <summary>Each festival's line-up keys in a fixture, as written (with repeats).</summary>
    private static List<List<string>> Lineups(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return [.. document.RootElement.GetProperty("festivals").EnumerateArray()
            .Select(f => f.GetProperty("bands").EnumerateArray().Select(b => b.Str("key")).ToList())];
    }

    private async Task<MigratedTable> MigrateAsync(params string[] files)
    {
        var table = fixture.Table($"scratch-{Guid.NewGuid():N}");
        await TableSchema.EnsureCreatedAsync(table.Client, table.Name, default);
        var reports = new List<MigrationReport>();
        foreach (var file in files)
        {
            reports.Add(await new MigrationRunner(table, TimeProvider.System).RunAsync(new MigrationOptions(file, DryRun: false, OverwriteEdited: false), default));
        }
        return new MigratedTable(fixture, table.Name, reports);
    }

    /// <summary>A migrated scratch table, with both real services reading it (the gateway's route table, in small: festivals or catalog).</summary>
    private sealed class MigratedTable(AppFixture fixture, string table, IReadOnlyList<MigrationReport> reports) : IAsyncDisposable
    {
        private readonly ScratchTableService<AdminHealth> _festivals = new(fixture, table);
        private readonly ScratchTableService<BandPage> _catalog = new(fixture, table);
        private static readonly WebApplicationFactoryClientOptions NoRedirects = new() { AllowAutoRedirect = false };

        public IReadOnlyList<MigrationReport> Reports { get; } = reports;

        public async Task<(HttpStatusCode Status, string Body, Uri? Location)> GetAsync(string path)
        {
            var service = path.StartsWith("/api/festivals", StringComparison.Ordinal) ? _festivals.CreateClient(NoRedirects) : _catalog.CreateClient(NoRedirects);
            using var response = await service.GetAsync(path);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location);
        }

        public async Task<JsonElement> OkAsync(string path)
        {
            var (status, body, _) = await GetAsync(path);
            Assert.True(status == HttpStatusCode.OK, $"{path}: {(int)status} {body}");
            return JsonDocument.Parse(body).RootElement.Clone();
        }

        public async Task AssertMovedAsync(string path, string location)
        {
            var (status, body, actual) = await GetAsync(path);
            Assert.True(status == HttpStatusCode.MovedPermanently, $"{path}: {(int)status} {body}");
            Assert.Equal(location, actual?.OriginalString);
        }

        public async ValueTask DisposeAsync()
        {
            await _festivals.DisposeAsync();
            await _catalog.DisposeAsync();
        }
    }
}
