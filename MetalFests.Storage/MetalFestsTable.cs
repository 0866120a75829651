using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using MetalFests.Storage.Writes;
using Microsoft.Extensions.Options;

namespace MetalFests.Storage;

using Item = Dictionary<string, AttributeValue>;

/// <summary>
/// The table's low-level operations, each one DynamoDB request inside a span. Access patterns
/// (<c>FestivalsStore</c>, <c>CatalogStore</c>) are built on these; nothing on a request path scans.
/// Every read that meets an item of a write still being applied waits for that write first
/// (<see cref="WriteJournal.SettleAsync"/>), so no response shows half of a write.
/// </summary>
public sealed class MetalFestsTable
{
    private readonly IAmazonDynamoDB client;

    public MetalFestsTable(IAmazonDynamoDB client, IOptions<StorageOptions> options, TimeProvider? time = null)
    {
        this.client = client;
        Name = options.Value.TableName;
        Time = time ?? TimeProvider.System;
        Journal = new WriteJournal(client, Name, Time);
    }

    public string Name { get; }
    public IAmazonDynamoDB Client => client;
    public TimeProvider Time { get; }
    public WriteJournal Journal { get; }

    /// <param name="consistent">Strongly consistent: what a writer reads before computing a change.</param>
    public async Task<Item?> GetAsync(string pk, string sk, CancellationToken cancellationToken, bool consistent = false)
    {
        while (true)
        {
            var started = Stopwatch.GetTimestamp();
            using var activity = StorageTelemetry.Start("GetItem", Name);
            var response = await client.GetItemAsync(new GetItemRequest
            {
                TableName = Name,
                Key = Key(pk, sk),
                ConsistentRead = consistent,
                ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
            }, cancellationToken);
            StorageTelemetry.Consumed("GetItem", activity, [response.ConsumedCapacity]);
            var item = response.Item is { Count: > 0 } found ? found : null;
            if (item is null || !WriteJournal.IsMarked(item) || !await Journal.SettleAsync([item], started, cancellationToken))
            {
                return item;
            }
        }
    }

    /// <summary>One page of a query; <paramref name="request"/> gets this table's name.</summary>
    private async Task<QueryResponse> QueryPageAsync(QueryRequest request, CancellationToken cancellationToken)
    {
        request.TableName = Name;
        request.ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL;
        using var activity = StorageTelemetry.Start("Query", Name);
        activity?.SetTag("aws.dynamodb.index_name", request.IndexName);
        var response = await client.QueryAsync(request, cancellationToken);
        StorageTelemetry.Consumed("Query", activity, [response.ConsumedCapacity]);
        activity?.SetTag("aws.dynamodb.count", response.Count);
        return response;
    }

    /// <summary>
    /// One page of a query, for items no journal writes (audit entries) or a count: everything else
    /// reads through <see cref="QueryAllAsync"/>, which waits for writes in progress.
    /// </summary>
    public Task<QueryResponse> QueryOnePageAsync(QueryRequest request, CancellationToken cancellationToken) =>
        QueryPageAsync(request, cancellationToken);

    /// <summary>Every page of a query (a partition is small: one page in practice, more if it grows).</summary>
    public async Task<List<Item>> QueryAllAsync(QueryRequest request, CancellationToken cancellationToken)
    {
        while (true)
        {
            var started = Stopwatch.GetTimestamp();
            var items = new List<Item>();
            request.ExclusiveStartKey = null;
            do
            {
                var page = await QueryPageAsync(request, cancellationToken);
                items.AddRange(page.Items ?? []);
                request.ExclusiveStartKey = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
            }
            while (request.ExclusiveStartKey is not null);
            if (!items.Exists(WriteJournal.IsMarked) || !await Journal.SettleAsync(items, started, cancellationToken))
            {
                return items;
            }
        }
    }

    public Task<List<Item>> QueryPartitionAsync(string pk, CancellationToken cancellationToken, bool consistent = false) =>
        QueryAllAsync(PartitionQuery(pk, consistent), cancellationToken);

    public static QueryRequest PartitionQuery(string pk, bool consistent = false) => new()
    {
        ConsistentRead = consistent,
        KeyConditionExpression = "#pk = :pk",
        ExpressionAttributeNames = new() { ["#pk"] = TableLayout.PK },
        ExpressionAttributeValues = new() { [":pk"] = new AttributeValue(pk) },
    };

    /// <summary>Reads many items by key, 100 per request, retrying what DynamoDB leaves unprocessed.</summary>
    public async Task<List<Item>> BatchGetAsync(IEnumerable<(string Pk, string Sk)> keys, CancellationToken cancellationToken, bool consistent = false)
    {
        var distinct = keys.Distinct().ToList();
        while (true)
        {
            var started = Stopwatch.GetTimestamp();
            var items = await BatchGetOnceAsync(distinct, consistent, cancellationToken);
            if (!items.Exists(WriteJournal.IsMarked) || !await Journal.SettleAsync(items, started, cancellationToken))
            {
                return items;
            }
        }
    }

    /// <summary>Every key, 100 a request (DynamoDB's limit), the requests sent together.</summary>
    private async Task<List<Item>> BatchGetOnceAsync(List<(string Pk, string Sk)> keys, bool consistent, CancellationToken cancellationToken)
    {
        var chunks = await Task.WhenAll(keys.Chunk(100).Select(chunk => BatchGetChunkAsync(chunk, consistent, cancellationToken)));
        return [.. chunks.SelectMany(items => items)];
    }

    private async Task<List<Item>> BatchGetChunkAsync((string Pk, string Sk)[] chunk, bool consistent, CancellationToken cancellationToken)
    {
        var results = new List<Item>();
        var pending = new KeysAndAttributes { Keys = [.. chunk.Select(k => Key(k.Pk, k.Sk))], ConsistentRead = consistent };
        for (var attempt = 0; pending.Keys is { Count: > 0 }; attempt++)
        {
            await BackOffAsync(attempt, cancellationToken);
            using var activity = StorageTelemetry.Start("BatchGetItem", Name);
            var response = await client.BatchGetItemAsync(new BatchGetItemRequest
            {
                RequestItems = new() { [Name] = pending },
                ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
            }, cancellationToken);
            StorageTelemetry.Consumed("BatchGetItem", activity, response.ConsumedCapacity);
            if (response.Responses?.TryGetValue(Name, out var found) == true)
            {
                results.AddRange(found);
            }
            pending = response.UnprocessedKeys?.GetValueOrDefault(Name) ?? new KeysAndAttributes();
            pending.ConsistentRead = consistent;
        }
        return results;
    }

    /// <summary>Puts and deletes in batches of 25, retrying unprocessed items with backoff. Not atomic: for bulk loads.</summary>
    public async Task BatchWriteAsync(IReadOnlyList<WriteRequest> writes, CancellationToken cancellationToken)
    {
        foreach (var chunk in writes.Chunk(25))
        {
            List<WriteRequest> pending = [.. chunk];
            for (var attempt = 0; pending.Count > 0; attempt++)
            {
                await BackOffAsync(attempt, cancellationToken);
                using var activity = StorageTelemetry.Start("BatchWriteItem", Name);
                var response = await client.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = new() { [Name] = pending } }, cancellationToken);
                pending = response.UnprocessedItems?.GetValueOrDefault(Name) ?? [];
            }
        }
    }

    /// <summary>All-or-nothing write of up to 100 items.</summary>
    public async Task TransactWriteAsync(List<TransactWriteItem> items, CancellationToken cancellationToken)
    {
        foreach (var item in items)
        {
            item.Put?.TableName = Name;
            item.Update?.TableName = Name;
            item.Delete?.TableName = Name;
            item.ConditionCheck?.TableName = Name;
        }
        using var activity = StorageTelemetry.Start("TransactWriteItems", Name);
        activity?.SetTag("aws.dynamodb.item_count", items.Count);
        await client.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = items }, cancellationToken);
    }

    /// <summary>
    /// Every item of the table, read as <paramref name="segments"/> parallel scan segments. Only for
    /// offline tools (the migrator's diff and verification), never on a request path.
    /// </summary>
    public async Task<List<Item>> ScanAllAsync(CancellationToken cancellationToken, int segments = 8)
    {
        var parts = await Task.WhenAll(Enumerable.Range(0, segments).Select(async segment =>
        {
            var items = new List<Item>();
            var request = new ScanRequest { TableName = Name, Segment = segment, TotalSegments = segments };
            do
            {
                using var activity = StorageTelemetry.Start("Scan", Name);
                var page = await client.ScanAsync(request, cancellationToken);
                items.AddRange(page.Items ?? []);
                request.ExclusiveStartKey = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
            }
            while (request.ExclusiveStartKey is not null);
            return items;
        }));
        return [.. parts.SelectMany(p => p)];
    }

    /// <summary>Whether the table holds no item at all (one read of one item).</summary>
    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken)
    {
        using var activity = StorageTelemetry.Start("Scan", Name);
        var page = await client.ScanAsync(new ScanRequest { TableName = Name, Limit = 1 }, cancellationToken);
        return page.Count is null or 0 && page.LastEvaluatedKey is not { Count: > 0 };
    }

    public static Item Key(string pk, string sk) => new() { [TableLayout.PK] = new AttributeValue(pk), [TableLayout.SK] = new AttributeValue(sk) };

    private static Task BackOffAsync(int attempt, CancellationToken cancellationToken) =>
        attempt == 0 ? Task.CompletedTask : Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 25 << Math.Min(attempt, 6))), cancellationToken);
}
