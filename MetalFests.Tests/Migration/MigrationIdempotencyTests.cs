using System.Text.Json;
using MetalFests.Migrator.Migration;
using MetalFests.Migrator.Source;
using MetalFests.Storage;
using MetalFests.Tests.Infrastructure;
using Amazon.DynamoDBv2.Model;

namespace MetalFests.Tests.Migration;

/// <summary>Re-running the migration on scratch tables of DynamoDB Local, with small files of the real shape.</summary>
[Collection(AppCollection.Name)]
public sealed class MigrationIdempotencyTests(AppFixture fixture)
{
    private static string File(object content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"metalfests-{Guid.NewGuid():N}.json");
        System.IO.File.WriteAllText(path, JsonSerializer.Serialize(content));
        return path;
    }

    private static object Festival(string key, params string[] bands) => new
    {
        key,
        name = key.ToUpperInvariant(),
        dates = new { start = "2026-07-01", end = "2026-07-03" },
        location = "Town, Country",
        coordinates = new { lat = 50.0, lng = 4.0 },
        poster = "",
        website = "https://example.org",
        bands = bands.Select(b => new { key = b, name = b.ToUpperInvariant(), size = 2 }).ToArray(),
        ticketPrice = 100,
    };

    private static object Band(string key, string description) => new
    {
        key,
        name = key.ToUpperInvariant(),
        country = "Norway",
        description,
        logo = "",
        headlineImage = "",
        website = "",
        spotify = "",
        genres = new[] { "Black Metal" },
        members = new[] { new { name = "Someone", role = "Vocals, Guitar" } },
        reviewed = false,
    };

    private async Task<MetalFestsTable> ScratchTableAsync()
    {
        var table = fixture.Table($"scratch-{Guid.NewGuid():N}");
        await TableSchema.EnsureCreatedAsync(table.Client, table.Name, default);
        return table;
    }

    private static Task<MigrationReport> RunAsync(MetalFestsTable table, string file, bool overwriteEdited = false) =>
        new MigrationRunner(table, TimeProvider.System).RunAsync(new MigrationOptions(file, DryRun: false, overwriteEdited), default);

    [Fact]
    public async Task A_newer_file_adds_and_changes_but_loses_nothing_and_keeps_editor_changes()
    {
        var table = await ScratchTableAsync();
        await RunAsync(table, File(new { festivals = new[] { Festival("fest-a", "alpha", "beta") }, bands = new[] { Band("alpha", "v1"), Band("beta", "v1") } }));
        // An editor changes alpha (what the admin API will do: its key id as the author).
        var alpha = (await table.GetAsync(TableLayout.BandPk("alpha"), TableLayout.Metadata, default))!;
        alpha["description"] = new AttributeValue("edited by an editor");
        alpha[Items.UpdatedBy] = new AttributeValue("dev");
        await table.Client.PutItemAsync(new PutItemRequest { TableName = table.Name, Item = alpha });

        var newer = File(new { festivals = new[] { Festival("fest-a", "alpha", "gamma") }, bands = new[] { Band("alpha", "v2"), Band("gamma", "v2") } });
        var report = await RunAsync(table, newer);

        Assert.Empty(report.Verification.Problems);
        Assert.Equal("edited by an editor", await DescriptionAsync(table, "alpha"));
        Assert.Equal("v1", await DescriptionAsync(table, "beta"));      // no longer in the file: kept
        Assert.Equal("v2", await DescriptionAsync(table, "gamma"));     // new in the file: added
        Assert.Contains(report.Items.KeptEditedByAdmin, k => k.Contains("BAND#alpha"));
        Assert.Contains(report.Items.KeptOnlyInTable, k => k.Contains("BAND#beta"));
        var lineup = Items.ReadEdition((await table.GetAsync(TableLayout.FestivalPk("fest-a"), TableLayout.EditionSk(2026), default))!);
        Assert.Equal(["alpha", "gamma"], lineup.Bands.Select(b => b.Key));

        var again = await RunAsync(table, newer);
        Assert.Empty(again.Items.Written);
        Assert.Empty(again.Items.Deleted);

        var overwritten = await RunAsync(table, newer, overwriteEdited: true);
        Assert.Empty(overwritten.Verification.Problems);
        Assert.Equal("v2", await DescriptionAsync(table, "alpha"));
    }

    [Fact]
    public async Task A_file_with_a_wrong_type_is_refused_before_anything_is_written()
    {
        var table = await ScratchTableAsync();
        var bad = File(new { festivals = new[] { Festival("fest-a", "alpha") }, bands = new object[] { Band("alpha", "ok"), new { key = "beta", name = 42 } } });

        var error = await Assert.ThrowsAsync<SourceException>(() => RunAsync(table, bad));

        Assert.Contains("bands[1] (key 'beta'): field 'name' must be a string", error.Problems);
        Assert.True(await table.IsEmptyAsync(default));
    }

    private static async Task<string?> DescriptionAsync(MetalFestsTable table, string band) =>
        Items.ReadBand((await table.GetAsync(TableLayout.BandPk(band), TableLayout.Metadata, default))!).Description;
}
