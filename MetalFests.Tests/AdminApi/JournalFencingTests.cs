using System.Net;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using MetalFests.Storage;
using MetalFests.Storage.Writes;
using MetalFests.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MetalFests.Tests.AdminApi;

/// <summary>
/// A journal's claim carries an epoch, and every transaction of its holder checks it: a writer paused
/// past its claim (GC, network), after another writer took the journal over with the next epoch and
/// finished it, writes nothing more — not over a later write, not anywhere.
/// </summary>
[Collection(WritesCollection.Name)]
public sealed class JournalFencingTests(WritesFixture fixture)
{
    [Fact]
    public async Task A_writer_paused_past_its_claim_writes_nothing_after_another_took_its_journal_over()
    {
        var api = fixture.Gateway;
        using var writerA = await PausedEdition.StartAsync(fixture, beforeCommit: false);
        var bands = writerA.Bands;

        // Writer B's clock is past A's claim: it takes the journal over (epoch 2), applies and closes it.
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow + WriteLimits.ClaimDuration + TimeSpan.FromSeconds(1));
        var options = fixture.LocalOptions(StorageOptions.DefaultTableName);
        using var client = fixture.DynamoDb();
        Assert.True(await new MetalFestsTable(client, Options.Create(options), later).Journal.TakeOverAsync(writerA.Journal, default));
        Assert.Equal(1, await api.FestivalCountAsync(bands[0]));

        // A later write renames a band of the line-up; then A wakes up and sends its apply transactions.
        var renamed = Given.BandName(bands[0]) + " renamed";
        await api.AdminPutAsync($"/api/bands/{bands[0]}", AdminRequests.Band(null, renamed)).ExpectAsync(HttpStatusCode.OK);
        writerA.Client.Resume.SetResult();
        await Assert.ThrowsAsync<TableBusyException>(() => writerA.Write);

        // Nothing of A's landed after the takeover: the rename stands, every band is counted once.
        Assert.Equal(renamed, (string?)(await api.BandRowAsync(bands[0]))["name"]);
        Assert.All(await api.FestivalCountsAsync([.. bands]), count => Assert.Equal(1, count));
        var lineup = (await api.FreshAsync(Given.EditionPath(writerA.Festival)))["edition"]!["bands"]!.AsArray();
        Assert.Equal(bands.Count, lineup.Count);
        Assert.Contains(lineup, b => (string?)b!["name"] == renamed);
        Assert.Empty(await OpenJournalsAsync(client, options.TableName));
    }

    [Fact]
    public async Task A_writer_whose_uncommitted_claim_was_taken_over_commits_nothing()
    {
        var api = fixture.Gateway;
        using var writerA = await PausedEdition.StartAsync(fixture, beforeCommit: true);

        var later = new FakeTimeProvider(DateTimeOffset.UtcNow + WriteLimits.ClaimDuration + TimeSpan.FromSeconds(1));
        var options = fixture.LocalOptions(StorageOptions.DefaultTableName);
        using var client = fixture.DynamoDb();
        Assert.True(await new MetalFestsTable(client, Options.Create(options), later).Journal.TakeOverAsync(writerA.Journal, default));
        writerA.Client.Resume.SetResult();
        await Assert.ThrowsAsync<TableBusyException>(() => writerA.Write);

        using var missing = await api.GetAsync($"{Given.EditionPath(writerA.Festival)}?fresh={Guid.NewGuid():N}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.All(await api.FestivalCountsAsync([.. writerA.Bands]), count => Assert.Equal(0, count));
        // The claims it left on the bands' rows are void: a write to one of them goes through at once.
        await api.AdminPutAsync($"/api/bands/{writerA.Bands[0]}", AdminRequests.Band(null, Given.BandName(writerA.Bands[0]) + " again")).ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(await OpenJournalsAsync(client, options.TableName));
    }

    internal static async Task<List<Dictionary<string, AttributeValue>>> OpenJournalsAsync(IAmazonDynamoDB client, string table) =>
        (await client.QueryAsync(new QueryRequest
        {
            TableName = table,
            KeyConditionExpression = "PK = :pk AND begins_with(SK, :j)",
            ExpressionAttributeValues = new() { [":pk"] = new(TableLayout.WritesPk), [":j"] = new(TableLayout.JournalSkPrefix) },
        })).Items;
}
