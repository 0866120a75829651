using Amazon.DynamoDBv2.Model;
using MetalFests.Storage;
using MetalFests.Storage.Writes;
using MetalFests.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace MetalFests.Tests.AdminApi;

/// <summary>A write larger than its journal can hold is refused as too large before anything is written (not a 500 halfway).</summary>
[Collection(WritesCollection.Name)]
public sealed class WriteSizeLimitTests(WritesFixture fixture)
{
    /// <summary>99 pages of 500 operations: what one journal holds (the design's figure, docs/data-model.md).</summary>
    private const int Limit = 49_500;

    [Fact]
    public async Task A_write_over_the_item_limit_is_refused_as_too_large_and_writes_nothing()
    {
        var table = fixture.Table();
        var writer = new TableWriter(table, NullLogger<TableWriter>.Instance);
        var key = AdminRequests.UniqueKey("too-large");
        var partition = "TEST#" + key;

        var result = await writer.WriteAsync<int>(async session =>
        {
            var plan = new WritePlan();
            for (var i = 0; i < Limit; i++)
            {
                plan.Put(new() { [TableLayout.PK] = new(partition), [TableLayout.SK] = new($"{i:D6}"), [TableLayout.TypeAttribute] = new("TEST") });
            }
            // With its audit entry, one item over the limit.
            await session.CommitAsync(plan, new WriteContext("test", null), AuditActions.Create, "test", key, null, null);
            return new WriteError(WriteFailure.NotFound, "test", key);
        }, default);

        Assert.Equal(WriteFailure.TooLarge, result.Error?.Failure);
        Assert.Equal(Limit + 1, result.Error!.ItemCount);
        var written = await table.Client.QueryAsync(new QueryRequest
        {
            TableName = table.Name,
            KeyConditionExpression = "PK = :pk",
            ExpressionAttributeValues = new() { [":pk"] = new(partition) },
            Limit = 1,
        });
        Assert.Equal(0, written.Count);
    }
}
