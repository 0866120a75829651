using System.Text.Json;
using System.Text.Json.Nodes;
using MetalFests.CatalogService.Bands;
using MetalFests.FestivalsService.Admin;
using MetalFests.Tests.Infrastructure;
using MetalFests.Tests.PublicApi;

namespace MetalFests.Tests.Migration;

/// <summary>
/// The migrator re-run against a table running services serve: both real services (in this process) keep their
/// lists in memory, revalidated by the partitions' versions; the migrator bumps the versions of what it changed, so
/// the same service processes answer with the new file's data, without a restart.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class LiveReMigrationTests(AppFixture fixture)
{
    private static readonly string Current = Scratch.Fixture("current.json");

    // What the changed file adds and changes (see Changed): the values the answers must show, from the file, not from the code.
    private const string NewBand = "re-migrated";
    private const string NewGenreName = "Re Migration Metal";
    private const string NewGenre = "re-migration-metal";      // its slug, by the documented key rule
    private const string SharedGenre = "heavy-metal";          // "Heavy Metal", which the fixture's bands have already
    private const string Festival = "sweden-rock-festival";
    private const string MovedBand = "gehenna";
    private const string NewCountry = "Iceland";

    [Fact]
    public async Task A_re_migration_of_a_live_table_is_served_by_the_running_services_without_a_restart()
    {
        var table = await Scratch.TableAsync(fixture);
        Assert.Empty((await Scratch.MigrateAsync(table, Current)).Verification.Problems);
        await using var festivalsService = new ScratchTableService<AdminHealth>(fixture, table.Name);
        await using var catalogService = new ScratchTableService<BandPage>(fixture, table.Name);
        using var festivals = festivalsService.CreateClient();
        using var catalog = catalogService.CreateClient();

        // Every memory-served answer read once: the services now hold these partitions, under their versions.
        var lineup = FestivalBandCount(await festivals.GetOkAsync("/api/festivals"));
        Assert.DoesNotContain(BandRows(await catalog.GetOkAsync("/api/bands?limit=500")), b => b.Str("key") == NewBand);
        Assert.Equal("Norway", BandRows(await catalog.GetOkAsync("/api/bands?limit=500")).Single(b => b.Str("key") == MovedBand).Str("country"));
        Assert.DoesNotContain((await catalog.GetOkAsync("/api/genres")).Rows("genres"), g => g.Str("key") == NewGenre);
        var sharedBands = (await catalog.GetOkAsync($"/api/genres/{SharedGenre}/bands")).Rows("bands").Select(b => b.Str("key")).ToList();
        var vocalists = (await catalog.GetOkAsync("/api/roles/vocals/members")).Rows("members").Count;

        var report = await Scratch.MigrateAsync(table, Changed());

        Assert.Empty(report.Verification.Problems);
        Assert.True(report.VersionsBumped > 0);
        // The same service instances (no restart) answer with the changed file's data.
        Assert.Equal(lineup + 1, FestivalBandCount(await festivals.GetOkAsync("/api/festivals")));
        var bands = BandRows(await catalog.GetOkAsync("/api/bands?limit=500"));
        Assert.Equal("Re-Migrated", bands.Single(b => b.Str("key") == NewBand).Str("name"));
        Assert.Equal(NewCountry, bands.Single(b => b.Str("key") == MovedBand).Str("country"));
        Assert.Equal(NewGenreName, (await catalog.GetOkAsync("/api/genres")).Rows("genres").Single(g => g.Str("key") == NewGenre).Str("name"));
        Assert.Equal([.. sharedBands.Append(NewBand).Order(StringComparer.Ordinal)],
            (await catalog.GetOkAsync($"/api/genres/{SharedGenre}/bands")).Rows("bands").Select(b => b.Str("key")).Order(StringComparer.Ordinal));
        Assert.Equal([NewBand], (await catalog.GetOkAsync($"/api/genres/{NewGenre}/bands")).Rows("bands").Select(b => b.Str("key")));
        Assert.Equal(vocalists + 1, (await catalog.GetOkAsync("/api/roles/vocals/members")).Rows("members").Count);
    }

    private static int FestivalBandCount(JsonElement festivals) =>
        festivals.Rows("festivals").Single(f => f.Str("festivalKey") == Festival).GetProperty("latestEdition").Int("bandCount");

    private static IReadOnlyList<JsonElement> BandRows(JsonElement page) => page.Rows("bands");

    /// <summary>
    /// The fixture as a newer db.json: a new band (a new genre and one the fixture has, a vocalist) on a festival's
    /// line-up, and another band moved to another country.
    /// </summary>
    private static string Changed()
    {
        var root = JsonNode.Parse(File.ReadAllText(Current))!;
        var bands = root["bands"]!.AsArray();
        bands.Single(b => b!["key"]!.GetValue<string>() == MovedBand)!["country"] = NewCountry;
        bands.Add(new JsonObject
        {
            ["key"] = NewBand,
            ["name"] = "Re-Migrated",
            ["country"] = "Norway",
            ["description"] = "",
            ["logo"] = "",
            ["headlineImage"] = "",
            ["website"] = "",
            ["spotify"] = "",
            ["genres"] = new JsonArray(NewGenreName, "Heavy Metal"),
            ["members"] = new JsonArray(new JsonObject { ["name"] = "Singer", ["role"] = "Vocals" }),
            ["reviewed"] = true,
        });
        root["festivals"]!.AsArray().Single(f => f!["key"]!.GetValue<string>() == Festival)!["bands"]!.AsArray()
            .Add(new JsonObject { ["key"] = NewBand, ["name"] = "Re-Migrated", ["size"] = 1 });
        var path = Path.Combine(Path.GetTempPath(), $"metalfests-changed-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
        return path;
    }
}
