using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace MetalFests.Storage.Writes;

using Item = Dictionary<string, AttributeValue>;

/// <summary>
/// Writes too large for one transaction (a 239-band line-up touches ~480 items; DynamoDB allows 100).
/// The plan is saved first (pages, then the header: the commit point), then applied in transactions:
/// phase 1 puts every new item and marks every item to delete with <see cref="Marker"/>, phase 2
/// deletes, and the journal is removed last. Any item a reader meets while the journal is open
/// carries the marker, and <see cref="SettleAsync"/> makes the reader wait for (or finish) the write
/// before answering: no reader ever builds a response from a half-applied write. Applying is
/// idempotent, so after a failure anyone holding the lease finishes the journal.
/// </summary>
public sealed class WriteJournal(IAmazonDynamoDB client, string tableName, WriteLease lease, TimeProvider time)
{
    /// <summary>The attribute naming the journal that last wrote an item through this path.</summary>
    public const string Marker = "journal";

    /// <summary>Items per transaction: DynamoDB's 100, less the lease check.</summary>
    public const int ItemsPerTransaction = 99;

    private const int OpsPerPage = 50;
    private const string PagesAttribute = "pages";
    private const string OpsAttribute = "ops";
    private static readonly TimeSpan SettlePoll = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan SettleMaxWait = TimeSpan.FromSeconds(5);

    // A journal once closed stays closed, so readers remember closed ids and ask once per process.
    private readonly ConcurrentDictionary<string, bool> _closed = new();

    public static bool IsMarked(Item item) => item.ContainsKey(Marker);

    /// <summary>Saves the plan as a journal (nothing visible yet) and commits it; returns its id.</summary>
    public async Task<string> OpenAsync(WritePlan plan, string owner, CancellationToken cancellationToken)
    {
        var id = Ulid();
        var ops = plan.Puts.Select(p => Op("p", new Item(p) { [Marker] = new(id) }))
            .Concat(plan.Deletes.Select(d => Op("d", MetalFestsTable.Key(d.Pk, d.Sk))))
            .ToList();
        var pages = ops.Chunk(OpsPerPage).ToList();
        for (var i = 0; i < pages.Count; i++)
        {
            using var activity = StorageTelemetry.Start("PutItem", tableName);
            await client.PutItemAsync(new PutItemRequest
            {
                TableName = tableName,
                Item = new Item(MetalFestsTable.Key(TableLayout.JournalPagesPk(id), TableLayout.JournalPageSk(i)))
                {
                    [TableLayout.TypeAttribute] = new(TableLayout.Types.JournalPage),
                    [OpsAttribute] = new() { B = Compress(pages[i]) },
                },
            }, cancellationToken);
        }
        await TransactAsync([
            new TransactWriteItem
            {
                Put = new Put
                {
                    TableName = tableName,
                    Item = new Item(MetalFestsTable.Key(TableLayout.WritesPk, TableLayout.JournalSk(id)))
                    {
                        [TableLayout.TypeAttribute] = new(TableLayout.Types.Journal),
                        [PagesAttribute] = new() { N = pages.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                        [Items.CreatedAt] = new(Items.Iso(time.GetUtcNow().UtcDateTime)),
                    },
                },
            },
        ], owner, cancellationToken);
        return id;
    }

    /// <summary>Applies a committed journal (again, if it was partly applied) and removes it. Needs the lease.</summary>
    public async Task ApplyAsync(string id, string owner, CancellationToken cancellationToken)
    {
        var header = await GetHeaderAsync(id, cancellationToken);
        if (header is null)
        {
            return;
        }
        var pageCount = int.Parse(header[PagesAttribute].N, System.Globalization.CultureInfo.InvariantCulture);
        var ops = new List<(string Kind, Item Item)>();
        for (var i = 0; i < pageCount; i++)
        {
            using var activity = StorageTelemetry.Start("GetItem", tableName);
            var page = await client.GetItemAsync(new GetItemRequest
            {
                TableName = tableName,
                Key = MetalFestsTable.Key(TableLayout.JournalPagesPk(id), TableLayout.JournalPageSk(i)),
                ConsistentRead = true,
            }, cancellationToken);
            ops.AddRange(Decompress(page.Item[OpsAttribute].B));
        }

        var marked = ops.Select(op => op.Kind == "p"
            ? new TransactWriteItem { Put = new Put { TableName = tableName, Item = op.Item } }
            : new TransactWriteItem
            {
                Update = new Update
                {
                    TableName = tableName,
                    Key = op.Item,
                    UpdateExpression = "SET #marker = :id",
                    ExpressionAttributeNames = new() { ["#marker"] = Marker },
                    ExpressionAttributeValues = new() { [":id"] = new(id) },
                },
            });
        var deletes = ops.Where(op => op.Kind == "d").Select(op => new TransactWriteItem { Delete = new Delete { TableName = tableName, Key = op.Item } });
        var cleanup = Enumerable.Range(0, pageCount)
            .Select(i => new TransactWriteItem { Delete = new Delete { TableName = tableName, Key = MetalFestsTable.Key(TableLayout.JournalPagesPk(id), TableLayout.JournalPageSk(i)) } })
            .Append(new TransactWriteItem { Delete = new Delete { TableName = tableName, Key = MetalFestsTable.Key(TableLayout.WritesPk, TableLayout.JournalSk(id)) } });

        foreach (var phase in new[] { marked, deletes })
        {
            foreach (var chunk in phase.Chunk(ItemsPerTransaction))
            {
                await TransactAsync([.. chunk], owner, cancellationToken);
            }
        }
        // The header goes last: until it is gone, readers of marked items wait.
        foreach (var chunk in cleanup.Chunk(ItemsPerTransaction))
        {
            await TransactAsync([.. chunk], owner, cancellationToken);
        }
        _closed[id] = true;
    }

    /// <summary>Every journal left open by a writer that failed midway: the next lease holder finishes them first.</summary>
    public async Task ApplyOpenAsync(string owner, CancellationToken cancellationToken)
    {
        using var activity = StorageTelemetry.Start("Query", tableName);
        var open = await client.QueryAsync(new QueryRequest
        {
            TableName = tableName,
            KeyConditionExpression = "#pk = :pk AND begins_with(#sk, :prefix)",
            ExpressionAttributeNames = new() { ["#pk"] = TableLayout.PK, ["#sk"] = TableLayout.SK },
            ExpressionAttributeValues = new() { [":pk"] = new(TableLayout.WritesPk), [":prefix"] = new(TableLayout.JournalSkPrefix) },
            ConsistentRead = true,
        }, cancellationToken);
        foreach (var header in open.Items ?? [])
        {
            await ApplyAsync(Items.Sk(header)[TableLayout.JournalSkPrefix.Length..], owner, cancellationToken);
        }
    }

    /// <summary>
    /// Called by every read that met marked items: true when one of their journals was still open and
    /// has now been closed (so the reader must read again); false when all were already closed.
    /// Waits for the writer; if the writer is gone (the lease is free), finishes the journal itself.
    /// </summary>
    public async Task<bool> SettleAsync(IEnumerable<Item> items, CancellationToken cancellationToken)
    {
        var ids = items.Where(IsMarked).Select(i => i[Marker].S).Where(id => !_closed.ContainsKey(id)).Distinct().ToList();
        var waited = false;
        foreach (var id in ids)
        {
            var deadline = time.GetUtcNow() + SettleMaxWait;
            while (await GetHeaderAsync(id, cancellationToken) is not null)
            {
                waited = true;
                if (await lease.TryAcquireAsync(cancellationToken) is { } owner)
                {
                    try
                    {
                        await ApplyAsync(id, owner, cancellationToken);
                    }
                    finally
                    {
                        await lease.ReleaseAsync(owner);
                    }
                    break;
                }
                if (time.GetUtcNow() > deadline)
                {
                    throw new TableBusyException($"A write is being applied (journal {id}); retry shortly");
                }
                await Task.Delay(SettlePoll, cancellationToken);
            }
            _closed[id] = true;
        }
        return waited;
    }

    private async Task<Item?> GetHeaderAsync(string id, CancellationToken cancellationToken)
    {
        using var activity = StorageTelemetry.Start("GetItem", tableName);
        var response = await client.GetItemAsync(new GetItemRequest
        {
            TableName = tableName,
            Key = MetalFestsTable.Key(TableLayout.WritesPk, TableLayout.JournalSk(id)),
            ConsistentRead = true,
        }, cancellationToken);
        return response.Item is { Count: > 0 } item ? item : null;
    }

    private async Task TransactAsync(List<TransactWriteItem> items, string owner, CancellationToken cancellationToken)
    {
        items.Add(lease.Held(owner));
        using var activity = StorageTelemetry.Start("TransactWriteItems", tableName);
        activity?.SetTag("aws.dynamodb.item_count", items.Count);
        await client.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = items }, cancellationToken);
    }

    private static (string Kind, Item Item) Op(string kind, Item item) => (kind, item);

    private static MemoryStream Compress(IEnumerable<(string Kind, Item Item)> ops)
    {
        var json = new ArrayBufferWriter<byte>(64 * 1024);
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartArray();
            foreach (var (kind, item) in ops)
            {
                writer.WriteStartObject();
                writer.WriteString("k", kind);
                writer.WritePropertyName("i");
                AttributeJson.Write(writer, item);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        var output = new MemoryStream();
        using (var brotli = new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            brotli.Write(json.WrittenSpan);
        }
        output.Position = 0;
        return output;
    }

    private static List<(string Kind, Item Item)> Decompress(MemoryStream compressed)
    {
        compressed.Position = 0;
        using var brotli = new BrotliStream(compressed, CompressionMode.Decompress);
        using var json = JsonDocument.Parse(brotli);
        return [.. json.RootElement.EnumerateArray().Select(op => (op.GetProperty("k").GetString()!, AttributeJson.ToItem(op.GetProperty("i"))))];
    }

    /// <summary>Time-ordered, unique ids (so open journals apply in the order they were written).</summary>
    private string Ulid() => $"{time.GetUtcNow().ToUnixTimeMilliseconds():x12}{Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6)).ToLowerInvariant()}";
}
