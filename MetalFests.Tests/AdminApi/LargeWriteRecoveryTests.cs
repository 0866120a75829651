using System.Net;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using MetalFests.ServiceDefaults;
using MetalFests.Storage;
using MetalFests.Storage.Model;
using MetalFests.Storage.Writes;
using MetalFests.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MetalFests.Tests.AdminApi;

/// <summary>
/// A line-up of 239 bands is ~480 items, beyond one transaction: it goes through the journal. A writer
/// that fails midway leaves a committed journal and part of its items, and gives its claim up; the first
/// reader to meet one of them has it finished (by the service's background repair, not on its own request)
/// and waits for it before answering, so no reader sees half of it.
/// </summary>
[Collection(WritesCollection.Name)]
public sealed class LargeWriteRecoveryTests(WritesFixture fixture)
{
    private const int LineupSize = 239;

    [Fact]
    public async Task A_239_band_lineup_that_fails_midway_is_finished_before_any_reader_sees_it()
    {
        using var catalog = fixture.Service(ServiceNames.Catalog);
        using var festivals = fixture.Service(ServiceNames.Festivals);
        var festival = AdminRequests.UniqueKey("recovery-fest");
        (await fixture.Gateway.AdminPostAsync("/api/admin/festivals", AdminRequests.Festival(festival))).EnsureSuccessStatusCode();
        var bands = (await catalog.FreshAsync($"/api/bands?limit=500&offset=300"))["bands"]!.AsArray()
            .Take(LineupSize).Select(b => (Key: b!["key"]!.GetValue<string>(), Count: b["festivalCount"]!.GetValue<int>())).ToList();
        Assert.Equal(LineupSize, bands.Count);

        // A writer whose DynamoDB refuses every batch touching the last 100 bands of the line-up (their
        // appearances and list rows): the journal is committed, the edition and the first bands are applied, the rest never.
        var options = fixture.LocalOptions(StorageOptions.DefaultTableName);
        var unreachable = bands.TakeLast(100).SelectMany(b => new[] { TableLayout.BandPk(b.Key), TableLayout.BandListSk(b.Key) }).ToHashSet();
        using var failing = new FailingDynamoDb(options, write => write.PutRequest is { } put && (unreachable.Contains(put.Item[TableLayout.PK].S) || unreachable.Contains(put.Item[TableLayout.SK].S)));
        var table = new MetalFestsTable(failing, Options.Create(options));
        var writes = new FestivalWrites(new TableWriter(table, NullLogger<TableWriter>.Instance));
        var draft = new Edition(festival, "", 2031, new DateRange(new(2031, 7, 1), new(2031, 7, 4)),
            [.. bands.Select(b => new LineupBand(b.Key, "", 2))], 100m, "EUR", EditionStatus.Announced);
        await Assert.ThrowsAnyAsync<AmazonServiceException>(() => writes.PutEditionAsync(draft, new WriteContext("test", null), default));

        // Beneath the API: half written. The edition is there, marked; the last band has neither appearance nor count yet.
        using var raw = fixture.DynamoDb();
        var journals = await raw.QueryAsync(new QueryRequest
        {
            TableName = table.Name,
            KeyConditionExpression = "PK = :pk AND begins_with(SK, :j)",
            ExpressionAttributeValues = new() { [":pk"] = new(TableLayout.WritesPk), [":j"] = new(TableLayout.JournalSkPrefix) },
        });
        Assert.Single(journals.Items);
        var editionItem = (await raw.GetItemAsync(table.Name, MetalFestsTable.Key(TableLayout.FestivalPk(festival), TableLayout.EditionSk(2031)))).Item;
        Assert.True(WriteJournal.IsMarked(editionItem));
        var last = bands[^1];
        var lastAppearance = await raw.GetItemAsync(table.Name, MetalFestsTable.Key(TableLayout.BandPk(last.Key), TableLayout.AppearanceSk(2031, festival)));
        Assert.False(lastAppearance.IsItemSet);

        // A reader meets the marked edition: the journal is finished (the repair), then it answers with the whole line-up.
        var edition = await festivals.FreshAsync($"/api/festivals/{festival}/editions/2031");
        Assert.Equal(LineupSize, edition["edition"]!["bands"]!.AsArray().Count);

        // Every band now shows the edition and counts it once more; nothing is left open.
        var rows = (await catalog.FreshAsync("/api/bands?limit=500&offset=300"))["bands"]!.AsArray()
            .Take(LineupSize).ToDictionary(b => b!["key"]!.GetValue<string>(), b => b!["festivalCount"]!.GetValue<int>());
        Assert.All(bands, b => Assert.Equal(b.Count + 1, rows[b.Key]));
        var lastFestivals = await catalog.FreshAsync($"/api/bands/{last.Key}/festivals");
        Assert.Contains(lastFestivals["festivals"]!.AsArray(), f => f!["festivalKey"]!.GetValue<string>() == festival);
        journals = await raw.QueryAsync(new QueryRequest
        {
            TableName = table.Name,
            KeyConditionExpression = "PK = :pk AND begins_with(SK, :j)",
            ExpressionAttributeValues = new() { [":pk"] = new(TableLayout.WritesPk), [":j"] = new(TableLayout.JournalSkPrefix) },
        });
        Assert.Empty(journals.Items);
    }

    /// <summary>
    /// DynamoDB Local, except that a batch write or a transaction holding a poisoned put fails, every time
    /// (as a throttled or unreachable partition would).
    /// </summary>
    private sealed class FailingDynamoDb(StorageOptions options, Func<WriteRequest, bool> poisoned)
        : AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), new AmazonDynamoDBConfig { ServiceURL = options.ServiceUrl, AuthenticationRegion = options.Region })
    {
        public override Task<BatchWriteItemResponse> BatchWriteItemAsync(BatchWriteItemRequest request, CancellationToken cancellationToken = default) =>
            request.RequestItems.Values.SelectMany(w => w).Any(poisoned)
                ? throw new AmazonDynamoDBException("Injected failure") { StatusCode = HttpStatusCode.ServiceUnavailable }
                : base.BatchWriteItemAsync(request, cancellationToken);

        public override Task<TransactWriteItemsResponse> TransactWriteItemsAsync(TransactWriteItemsRequest request, CancellationToken cancellationToken = default) =>
            request.TransactItems.Any(t => t.Put is { } put && poisoned(new WriteRequest(new PutRequest(put.Item))))
                ? throw new AmazonDynamoDBException("Injected failure") { StatusCode = HttpStatusCode.ServiceUnavailable }
                : base.TransactWriteItemsAsync(request, cancellationToken);
    }
}
