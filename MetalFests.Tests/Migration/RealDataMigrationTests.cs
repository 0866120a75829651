using MetalFests.Migrator.Migration;
using MetalFests.Storage;
using MetalFests.Tests.Infrastructure;
using MetalFests.Tests.PublicApi;

namespace MetalFests.Tests.Migration;

/// <summary>The application's table after the AppHost migrated the real db.json into it.</summary>
[Collection(AppCollection.Name)]
public sealed class RealDataMigrationTests(AppFixture fixture)
{
    private static readonly RealData Data = RealData.Instance;

    [Fact]
    public async Task Every_distinct_non_empty_band_key_of_the_file_is_a_band_in_the_table()
    {
        var keys = Data.BandKeys;
        Assert.Equal(1693, keys.Count);

        var found = await fixture.Table().BatchGetAsync(keys.Select(k => (TableLayout.BandPk(k), TableLayout.Metadata)), default);

        Assert.Equal(keys.Order(), found.Select(i => Items.ReadBand(i).Key).Order());
    }

    [Fact]
    public async Task The_record_with_an_empty_key_is_kept_under_a_key_derived_from_its_name()
    {
        var record = Data.Bands.Single(b => b.GetProperty("key").GetString() == "");
        var name = record.GetProperty("name").GetString()!;

        // The README's decision for a name without Latin letters: "band-" and 8 hex digits of its SHA-256.
        Assert.Equal("band-b6541ec2", Expected.KeyOf("", name));

        var item = await fixture.Table().GetAsync(TableLayout.BandPk("band-b6541ec2"), TableLayout.Metadata, default);

        Assert.NotNull(item);
        Assert.Equal(name, Items.ReadBand(item).Name);
        Assert.Equal(record.GetProperty("description").GetString(), Items.ReadBand(item).Description);
    }

    [Fact]
    public async Task Each_dangling_line_up_reference_becomes_one_unreviewed_stub_band()
    {
        var dangling = Data.Lineups.Values.SelectMany(l => l).Where(k => !Data.BandKeys.Contains(k)).ToHashSet();
        // 92 dangling keys, plus the empty-key line-up entry "*******", which gets a derived key.
        Assert.Equal(92, dangling.Count);
        var starred = "band-eb0f08df";
        Assert.Equal(starred, Expected.KeyOf("", "*******"));

        var stubs = await fixture.Table().BatchGetAsync(dangling.Append(starred).Select(k => (TableLayout.BandPk(k), TableLayout.Metadata)), default);

        Assert.Equal(93, stubs.Count);
        Assert.All(stubs.Select(Items.ReadBand), band =>
        {
            Assert.False(band.Reviewed);
            Assert.Empty(band.GenreKeys);
            Assert.Empty(band.Members);
        });
        var unreviewedList = await fixture.Table().QueryAllAsync(new Amazon.DynamoDBv2.Model.QueryRequest
        {
            IndexName = TableLayout.Gsi3,
            KeyConditionExpression = "GSI3PK = :pk",
            ExpressionAttributeValues = new() { [":pk"] = new(TableLayout.BandsUnreviewed) },
        }, default);
        Assert.Superset(dangling.Append(starred).ToHashSet(), unreviewedList.Select(i => Items.ReadBandSummary(i).Key).ToHashSet());
    }

    [Fact]
    public async Task All_33_festivals_have_their_2026_edition_with_every_line_up_band_resolvable()
    {
        var table = fixture.Table();
        Assert.Equal(33, Data.Festivals.Count);

        foreach (var (festival, lineup) in Data.Lineups)
        {
            var edition = Items.ReadEdition((await table.GetAsync(TableLayout.FestivalPk(festival), TableLayout.EditionSk(2026), default))!);
            Assert.Equal(lineup.Order(), edition.Bands.Select(b => b.Key).Where(lineup.Contains).Order());
            var bands = await table.BatchGetAsync(edition.Bands.Select(b => (TableLayout.BandPk(b.Key), TableLayout.Metadata)), default);
            Assert.Equal(edition.Bands.Count, bands.Count);
            Assert.Equal("EUR", edition.Currency);
        }
    }

    [Fact]
    public async Task Festival_counts_and_band_counts_equal_a_recount_from_the_file()
    {
        var rows = (await fixture.Table().QueryPartitionAsync(TableLayout.FestivalsListPk, default)).Select(Items.ReadFestivalSummary).ToDictionary(r => r.FestivalKey);
        var bandRows = (await fixture.Table().QueryPartitionAsync(TableLayout.BandsListPk, default)).Select(Items.ReadBandSummary).ToDictionary(r => r.Key);

        foreach (var festival in Data.Festivals)
        {
            var key = festival.GetProperty("key").GetString()!;
            var lineup = festival.GetProperty("bands").EnumerateArray().Select(b => b.GetProperty("key").GetString()!).ToList();
            Assert.Equal(lineup.Distinct().Count(), rows[key].LatestEdition!.BandCount);
            Assert.Equal(1, rows[key].TotalEditions);
            Assert.Equal(festival.GetProperty("ticketPrice").GetDecimal(), rows[key].LatestEdition!.TicketPrice);
        }
        foreach (var key in Data.BandKeys)
        {
            Assert.Equal(Data.Lineups.Values.Count(l => l.Contains(key)), bandRows[key].FestivalCount);
        }
    }

    [Fact]
    public async Task Every_stored_count_and_adjacency_item_agrees_with_the_entities_it_mirrors()
    {
        var entities = TableRecount.AssertConsistent(await fixture.Table().ScanAllAsync(default));

        // Counts of the real file (README): 33 festivals and editions, 1,787 bands, 524 genres, 196 roles.
        Assert.Equal([33, 33, 1787, 524, 196], new[] { entities.Festivals, entities.Editions.Count, entities.Bands.Count, entities.Genres.Count, entities.Roles.Count });
    }

    [Fact]
    public async Task A_second_run_on_the_same_file_changes_nothing()
    {
        var runner = new MigrationRunner(fixture.Table(), TimeProvider.System);

        var report = await runner.RunAsync(new MigrationOptions(RealData.Path, DryRun: false, OverwriteEdited: false), default);

        Assert.Empty(report.Items.Written);
        Assert.Empty(report.Items.Deleted);
        Assert.Equal(report.Items.Desired.Values.Sum(), report.Items.Unchanged);
        Assert.Empty(report.Verification.Problems);
    }
}
