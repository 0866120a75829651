using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using MetalFests.Storage.Reads;

namespace MetalFests.Storage.Writes;

using Item = Dictionary<string, AttributeValue>;

/// <summary>
/// Writes too large for one transaction (a 239-band line-up touches ~480 items; DynamoDB allows 100).
/// The plan is saved first (pages, then the header together with a record on the lease: the commit
/// point), then applied: phase 1 puts every new item and replaces every item to delete by a marked
/// tombstone, phase 2 deletes, and the journal is removed last. Every item a reader can meet while the
/// journal is open carries <see cref="Marker"/>, and <see cref="SettleAsync"/> makes the reader wait
/// for (or finish) the write before answering: no response is built from half of a write. Applying is
/// idempotent (whole items), so after a failure the next lease holder, or the first reader that meets
/// a marked item, applies the journal again from its pages.
/// </summary>
public sealed class WriteJournal(IAmazonDynamoDB client, string tableName, WriteLease lease, TimeProvider time)
{
    /// <summary>The attribute naming the journal that last wrote an item through this path.</summary>
    public const string Marker = "journal";

    /// <summary>Items per transaction: DynamoDB's 100, less the lease item the transaction also releases.</summary>
    public const int ItemsPerTransaction = 99;

    private const int ItemsPerBatch = 25;
    // On DynamoDB Local (2 cores), 300 items went out faster with 4 batches in flight than with 2.
    private const int ParallelBatches = 4;
    private const int OpsPerPage = 500;

    /// <summary>Pages a journal may have: all are deleted in its closing transaction, with the header and the lease.</summary>
    private const int MaxPages = ItemsPerTransaction - 1;
    private const string PagesAttribute = "pages";
    private const string OpsAttribute = "ops";
    private const string Tombstone = "PENDING_DELETE";
    private static readonly TimeSpan SettlePoll = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan SettleMaxWait = TimeSpan.FromSeconds(5);

    // A journal once closed stays closed, so readers remember when they saw each closed (a timestamp):
    // a read that started after that is final; one that started earlier may have overlapped the apply.
    private readonly ConcurrentDictionary<string, long> _closedAt = new();

    /// <summary>A committed journal: its id and its operations (puts of whole items, deletes by key).</summary>
    public sealed record Pending(string Id, IReadOnlyList<Item> Puts, IReadOnlyList<Item> Deletes);

    public static bool IsMarked(Item item) => item.ContainsKey(Marker);

    /// <summary>Saves the plan as a journal (nothing visible yet) and commits it.</summary>
    public async Task<Pending> OpenAsync(WritePlan plan, LeaseHandle holder, CancellationToken cancellationToken)
    {
        var id = NewId();
        var journal = new Pending(id,
            [.. plan.Puts.Select(p => new Item(p) { [Marker] = new(id) })],
            [.. plan.Deletes.Select(d => MetalFestsTable.Key(d.Pk, d.Sk))]);
        var ops = journal.Puts.Select(p => ("p", p)).Concat(journal.Deletes.Select(d => ("d", d))).Chunk(OpsPerPage).ToList();
        if (ops.Count > MaxPages)
        {
            throw new InvalidOperationException($"A write of {ops.Count * OpsPerPage} items or more is a bulk load, not an edit: load it with the migrator");
        }
        // Every page but the last is saved first; the last goes in the commit with the header and the lease's record.
        await Parallel.ForEachAsync(Enumerable.Range(0, ops.Count - 1), new ParallelOptions { MaxDegreeOfParallelism = ParallelBatches, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            lease.EnsureUsable(holder);
            using var activity = StorageTelemetry.Start("PutItem", tableName);
            await client.PutItemAsync(new PutItemRequest { TableName = tableName, Item = Page(id, i, ops[i]) }, ct);
        });
        await TransactAsync([
            new TransactWriteItem { Put = new Put { TableName = tableName, Item = Page(id, ops.Count - 1, ops[^1]) } },
            new TransactWriteItem
            {
                Put = new Put
                {
                    TableName = tableName,
                    Item = new Item(MetalFestsTable.Key(TableLayout.WritesPk, TableLayout.JournalSk(id)))
                    {
                        [TableLayout.TypeAttribute] = new(TableLayout.Types.Journal),
                        [PagesAttribute] = new() { N = ops.Count.ToString(CultureInfo.InvariantCulture) },
                        [Items.CreatedAt] = new(Items.Iso(time.GetUtcNow().UtcDateTime)),
                    },
                },
            },
            lease.Record(holder, id),
        ], cancellationToken);
        return journal;
    }

    /// <summary>
    /// Applies a committed journal (again, if it was partly applied) and removes it; with
    /// <paramref name="release"/>, the closing transaction also gives the lease back.
    /// </summary>
    public async Task ApplyAsync(Pending journal, LeaseHandle holder, bool release, CancellationToken cancellationToken)
    {
        var tombstones = journal.Deletes.Select(key => new Item(key) { [TableLayout.TypeAttribute] = new(Tombstone), [Marker] = new(journal.Id) });
        var versions = journal.Puts.Where(PartitionVersions.IsVersion).ToList();
        await WriteAsync([.. journal.Puts.Where(p => !PartitionVersions.IsVersion(p)).Concat(tombstones).Select(i => new WriteRequest(new PutRequest(i)))], holder, cancellationToken);
        await WriteAsync([.. journal.Deletes.Select(k => new WriteRequest(new DeleteRequest(k)))], holder, cancellationToken);
        // New partition versions once every item is in place (still marked: until the close, their readers wait).
        await WriteAsync([.. versions.Select(i => new WriteRequest(new PutRequest(i)))], holder, cancellationToken);
        // The header goes last, with its pages and the lease's record of it: until then, readers of marked items wait.
        var pages = (journal.Puts.Count + journal.Deletes.Count + OpsPerPage - 1) / OpsPerPage;
        await TransactAsync([
            .. Enumerable.Range(0, pages).Select(i => new TransactWriteItem
            {
                Delete = new Delete { TableName = tableName, Key = MetalFestsTable.Key(TableLayout.JournalPagesPk(journal.Id), TableLayout.JournalPageSk(i)) },
            }),
            new TransactWriteItem { Delete = new Delete { TableName = tableName, Key = MetalFestsTable.Key(TableLayout.WritesPk, TableLayout.JournalSk(journal.Id)) } },
            release ? lease.ReleasedWith(holder, closingJournal: journal.Id) : lease.Record(holder, null),
        ], cancellationToken);
        _closedAt.TryAdd(journal.Id, Stopwatch.GetTimestamp());
    }

    /// <summary>Applies the journal a failed holder left, read back from its pages (the lease handle names it).</summary>
    public async Task ApplyLeftOverAsync(LeaseHandle holder, CancellationToken cancellationToken)
    {
        if (holder.OpenJournal is not { } id)
        {
            return;
        }
        var header = await GetHeaderAsync(id, cancellationToken);
        var pageCount = header is null ? 0 : int.Parse(header[PagesAttribute].N, CultureInfo.InvariantCulture);
        var puts = new List<Item>();
        var deletes = new List<Item>();
        for (var i = 0; i < pageCount; i++)
        {
            using var activity = StorageTelemetry.Start("GetItem", tableName);
            var page = await client.GetItemAsync(new GetItemRequest
            {
                TableName = tableName,
                Key = MetalFestsTable.Key(TableLayout.JournalPagesPk(id), TableLayout.JournalPageSk(i)),
                ConsistentRead = true,
            }, cancellationToken);
            foreach (var (kind, item) in Decompress(page.Item[OpsAttribute].B))
            {
                (kind == "p" ? puts : deletes).Add(item);
            }
        }
        await ApplyAsync(new Pending(id, puts, deletes), holder, release: false, cancellationToken);
    }

    /// <summary>
    /// Called by every read that met marked items, with the time the read started: true when the read
    /// may have overlapped the apply of one of their journals — then that journal is closed now, and the
    /// reader must read again; false when every journal was already closed before the read began.
    /// Waits for the writer; if the writer is gone (the lease is free), finishes the journal itself.
    /// </summary>
    public async Task<bool> SettleAsync(IEnumerable<Item> items, long readStarted, CancellationToken cancellationToken)
    {
        var ids = items.Where(IsMarked).Select(i => i[Marker].S)
            .Where(id => !_closedAt.TryGetValue(id, out var closed) || closed >= readStarted).Distinct().ToList();
        foreach (var id in ids)
        {
            var deadline = time.GetUtcNow() + SettleMaxWait;
            while (await GetHeaderAsync(id, cancellationToken) is not null)
            {
                if (await lease.TryAcquireAsync(cancellationToken) is { } holder)
                {
                    try
                    {
                        await ApplyLeftOverAsync(holder, cancellationToken);
                    }
                    finally
                    {
                        await lease.ReleaseAsync(holder);
                    }
                    continue;
                }
                if (time.GetUtcNow() > deadline)
                {
                    throw new TableBusyException($"A write is being applied (journal {id}); retry shortly");
                }
                await Task.Delay(SettlePoll, cancellationToken);
            }
            _closedAt.TryAdd(id, Stopwatch.GetTimestamp());
        }
        return ids.Count > 0;
    }

    /// <summary>Whether the journal is still open (its header is removed only by its closing transaction).</summary>
    public async Task<bool> IsOpenAsync(string id, CancellationToken cancellationToken) => await GetHeaderAsync(id, cancellationToken) is not null;

    private async Task<Item?> GetHeaderAsync(string id, CancellationToken cancellationToken)
    {
        using var activity = StorageTelemetry.Start("GetItem", tableName);
        var response = await client.GetItemAsync(new GetItemRequest
        {
            TableName = tableName,
            Key = MetalFestsTable.Key(TableLayout.WritesPk, TableLayout.JournalSk(id)),
            ConsistentRead = true,
            ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
        }, cancellationToken);
        StorageTelemetry.Consumed("GetItem", activity, [response.ConsumedCapacity]);
        return response.Item is { Count: > 0 } item ? item : null;
    }

    /// <summary>Whole-item puts and deletes, 25 a request, several requests at once, each sent only while the lease is usable.</summary>
    private async Task WriteAsync(IReadOnlyList<WriteRequest> writes, LeaseHandle holder, CancellationToken cancellationToken) =>
        await Parallel.ForEachAsync(writes.Chunk(ItemsPerBatch), new ParallelOptions { MaxDegreeOfParallelism = ParallelBatches, CancellationToken = cancellationToken }, async (chunk, ct) =>
        {
            List<WriteRequest> pending = [.. chunk];
            for (var attempt = 0; pending.Count > 0; attempt++)
            {
                if (attempt > 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(500, 10 << Math.Min(attempt, 6))), ct);
                }
                lease.EnsureUsable(holder);
                using var activity = StorageTelemetry.Start("BatchWriteItem", tableName);
                var response = await client.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = new() { [tableName] = pending } }, ct);
                pending = response.UnprocessedItems?.GetValueOrDefault(tableName) ?? [];
            }
        });

    private async Task TransactAsync(List<TransactWriteItem> items, CancellationToken cancellationToken)
    {
        using var activity = StorageTelemetry.Start("TransactWriteItems", tableName);
        activity?.SetTag("aws.dynamodb.item_count", items.Count);
        await client.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = items }, cancellationToken);
    }

    private static Item Page(string id, int index, IEnumerable<(string Kind, Item Item)> ops) =>
        new(MetalFestsTable.Key(TableLayout.JournalPagesPk(id), TableLayout.JournalPageSk(index)))
        {
            [TableLayout.TypeAttribute] = new(TableLayout.Types.JournalPage),
            [OpsAttribute] = new() { B = Compress(ops) },
        };

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

    /// <summary>Time-ordered, unique ids.</summary>
    private string NewId() => $"{time.GetUtcNow().ToUnixTimeMilliseconds():x12}{Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6)).ToLowerInvariant()}";
}
