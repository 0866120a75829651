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
/// <para>
/// A journal claims only what its write touches. Its header (<c>WRITES</c> / <c>JOURNAL#id</c>) holds an
/// <b>epoch</b> — the fencing token — an owner and an expiry. The writer (1) creates the header
/// (<c>claiming</c>, epoch 1), (2) claims every item its plan was computed from, in transactions that
/// check each item unchanged since it was read and set the <see cref="Marker"/> on it, (3) saves the plan
/// as compressed pages and commits (header → <c>committed</c>: the commit point), (4) applies it — phase 1
/// puts every new item and replaces every item to delete by a marked tombstone, phase 2 deletes — and
/// (5) closes (header and pages deleted). Every one of these transactions checks the header's epoch, so
/// a writer paused past its claim, after another took the journal over with a higher epoch, can write
/// nothing more. Other writers see the marker on a claimed item and cannot change it while the header
/// exists (their transactions check the header absent); a claim that expires is taken over, with the
/// next epoch, by the next writer that meets it or by a background repair — a committed journal is then
/// applied again from its pages (whole items: idempotent), one still claiming is abandoned.
/// </para>
/// Readers never apply a journal: one that meets a marked item of a committed journal waits (at most
/// <see cref="WriteLimits.ReaderMaxWait"/>) for it to close, so no response is built from half of a write.
/// </summary>
public sealed class WriteJournal(IAmazonDynamoDB client, string tableName, TimeProvider time)
{
    /// <summary>The attribute naming the journal that last claimed or wrote an item.</summary>
    public const string Marker = "journal";

    // On DynamoDB Local (2 cores), 300 items went out faster with 4 requests in flight than with 2.
    private const int ParallelTransactions = 4;
    private const int ApplyAttempts = 5;

    private const string PagesAttribute = "pages";
    private const string OpsAttribute = "ops";
    private const string StateAttribute = "state";
    private const string EpochAttribute = "epoch";
    private const string OwnerAttribute = "owner";
    private const string ExpiresAttribute = "expiresAt";
    private const string Claiming = "claiming";
    private const string Committed = "committed";
    private const string Tombstone = "PENDING_DELETE";
    private static readonly TimeSpan SettlePoll = TimeSpan.FromMilliseconds(20);

    // A journal once closed stays closed, so readers remember when they saw each closed (a timestamp):
    // a read that started after that is final; one that started earlier may have overlapped the apply.
    private readonly ConcurrentDictionary<string, long> _closedAt = new();
    private readonly ConcurrentDictionary<string, Task> _repairs = new();

    /// <summary>A held claim on a journal: its id and the epoch every transaction of its holder checks.</summary>
    public sealed record Claim(string Id, long Epoch, string Owner);

    /// <summary>A committed journal: its claim and its operations (puts of whole items, deletes by key).</summary>
    public sealed record Pending(Claim Claim, IReadOnlyList<Item> Puts, IReadOnlyList<Item> Deletes);

    public static bool IsMarked(Item item) => item.ContainsKey(Marker);

    /// <summary>Whether this process saw the journal closed (closed is final: its items are free).</summary>
    public bool IsKnownClosed(string id) => _closedAt.ContainsKey(id);

    /// <summary>
    /// Claims what the plan was computed from, saves the plan and commits it. Throws
    /// <see cref="WriteConflictException"/> (nothing written but released claims) when something the plan
    /// read changed, <see cref="TableBusyException"/> when the claim was taken over before the commit.
    /// </summary>
    public async Task<Pending> OpenAsync(WritePlan plan, CancellationToken cancellationToken)
    {
        var claim = new Claim(NewId(), 1, Guid.NewGuid().ToString("N"));
        var journal = new Pending(claim,
            [.. plan.Puts.Select(p => new Item(p) { [Marker] = new(claim.Id) })],
            [.. plan.Deletes.Select(d => MetalFestsTable.Key(d.Pk, d.Sk))]);
        await PutHeaderAsync(claim, cancellationToken);
        try
        {
            await ClaimAsync(plan, claim, cancellationToken);
            var ops = journal.Puts.Select(p => ("p", p)).Concat(journal.Deletes.Select(d => ("d", d))).Chunk(WriteLimits.OpsPerPage).ToList();
            // Every page but the last is saved first; the last goes in the commit with the header's change of state.
            await Parallel.ForEachAsync(Enumerable.Range(0, ops.Count - 1), new ParallelOptions { MaxDegreeOfParallelism = ParallelTransactions, CancellationToken = cancellationToken },
                async (i, ct) => await TransactAsync(claim, [new TransactWriteItem { Put = new Put { TableName = tableName, Item = Page(claim.Id, i, ops[i]) } }], ct));
            await TransactAsync(claim, [
                new TransactWriteItem { Put = new Put { TableName = tableName, Item = Page(claim.Id, ops.Count - 1, ops[^1]) } },
            ], cancellationToken, commitPages: ops.Count);
        }
        catch (Exception e) when (e is not TableBusyException)
        {
            // Not committed (or, if the commit's answer was lost, committed: then the header stays and is applied by whoever meets it).
            await AbandonAsync(claim, delete: true);
            throw;
        }
        return journal;
    }

    /// <summary>Applies a committed journal (again, if it was partly applied) and closes it, under its claim's epoch.</summary>
    public async Task ApplyAsync(Pending journal, CancellationToken cancellationToken)
    {
        var id = journal.Claim.Id;
        var tombstones = journal.Deletes.Select(key => new Item(key) { [TableLayout.TypeAttribute] = new(Tombstone), [Marker] = new(id) });
        var versions = journal.Puts.Where(PartitionVersions.IsVersion).ToList();
        await ApplyPhaseAsync(journal.Claim, [.. journal.Puts.Where(p => !PartitionVersions.IsVersion(p)).Concat(tombstones).Select(i => new TransactWriteItem { Put = new Put { TableName = tableName, Item = i } })], cancellationToken);
        await ApplyPhaseAsync(journal.Claim, [.. journal.Deletes.Select(k => new TransactWriteItem { Delete = new Delete { TableName = tableName, Key = k } })], cancellationToken);
        // New partition versions once every item is in place: in the closing transaction when they fit beside
        // the pages (one round trip less), else just before it (still marked: until the close, their readers wait).
        List<TransactWriteItem> versionPuts = [.. versions.Select(i => new TransactWriteItem { Put = new Put { TableName = tableName, Item = i } })];
        var pages = (journal.Puts.Count + journal.Deletes.Count + WriteLimits.OpsPerPage - 1) / WriteLimits.OpsPerPage;
        if (pages + versionPuts.Count > WriteLimits.OpsPerTransaction)
        {
            await ApplyPhaseAsync(journal.Claim, versionPuts, cancellationToken);
            versionPuts = [];
        }
        // The header goes last, with its pages: until then, readers of marked items wait and writers stay off them.
        await TransactAsync(journal.Claim, [
            .. Enumerable.Range(0, pages).Select(i => new TransactWriteItem
            {
                Delete = new Delete { TableName = tableName, Key = MetalFestsTable.Key(TableLayout.JournalPagesPk(id), TableLayout.JournalPageSk(i)) },
            }),
            .. versionPuts,
        ], cancellationToken, close: true);
        _closedAt.TryAdd(id, Stopwatch.GetTimestamp());
    }

    /// <summary>
    /// Gives a claim up: the next writer or the repair may take the journal over at once. With
    /// <paramref name="delete"/> (a journal not committed), the header goes: its claims on items are void.
    /// </summary>
    public async Task AbandonAsync(Claim claim, bool delete = false)
    {
        try
        {
            using var activity = StorageTelemetry.Start(delete ? "DeleteItem" : "UpdateItem", tableName);
            if (delete)
            {
                await client.DeleteItemAsync(new DeleteItemRequest
                {
                    TableName = tableName,
                    Key = HeaderKey(claim.Id),
                    ConditionExpression = "#epoch = :epoch AND #state = :claiming",
                    ExpressionAttributeNames = new() { ["#epoch"] = EpochAttribute, ["#state"] = StateAttribute },
                    ExpressionAttributeValues = new() { [":epoch"] = Number(claim.Epoch), [":claiming"] = new(Claiming) },
                });
                _closedAt.TryAdd(claim.Id, Stopwatch.GetTimestamp());
            }
            else
            {
                await client.UpdateItemAsync(new UpdateItemRequest
                {
                    TableName = tableName,
                    Key = HeaderKey(claim.Id),
                    UpdateExpression = "SET #expires = :zero",
                    ConditionExpression = "#epoch = :epoch",
                    ExpressionAttributeNames = new() { ["#epoch"] = EpochAttribute, ["#expires"] = ExpiresAttribute },
                    ExpressionAttributeValues = new() { [":epoch"] = Number(claim.Epoch), [":zero"] = Number(0) },
                });
            }
        }
        catch (ConditionalCheckFailedException)
        {
            // Taken over (or committed) meanwhile: nothing of ours to give up.
        }
    }

    /// <summary>
    /// Takes over journal <paramref name="id"/> if its claim expired (next epoch): a committed one is
    /// applied from its pages and closed, one still claiming is dropped. False when it is not expired or gone.
    /// </summary>
    public async Task<bool> TakeOverAsync(string id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        Item header;
        try
        {
            using var activity = StorageTelemetry.Start("UpdateItem", tableName);
            var response = await client.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = tableName,
                Key = HeaderKey(id),
                UpdateExpression = "SET #epoch = #epoch + :one, #owner = :owner, #expires = :expires",
                ConditionExpression = "attribute_exists(#epoch) AND #expires < :now",
                ExpressionAttributeNames = new() { ["#epoch"] = EpochAttribute, ["#owner"] = OwnerAttribute, ["#expires"] = ExpiresAttribute },
                ExpressionAttributeValues = new()
                {
                    [":one"] = Number(1),
                    [":owner"] = new(Guid.NewGuid().ToString("N")),
                    [":expires"] = Number((now + WriteLimits.ClaimDuration).ToUnixTimeMilliseconds()),
                    [":now"] = Number(now.ToUnixTimeMilliseconds()),
                },
                ReturnValues = ReturnValue.ALL_NEW,
            }, cancellationToken);
            header = response.Attributes;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
        var claim = new Claim(id, long.Parse(header[EpochAttribute].N, CultureInfo.InvariantCulture), header[OwnerAttribute].S);
        if (header[StateAttribute].S != Committed)
        {
            await AbandonAsync(claim, delete: true);
            return true;
        }
        var puts = new List<Item>();
        var deletes = new List<Item>();
        var pageCount = int.Parse(header[PagesAttribute].N, CultureInfo.InvariantCulture);
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
        await ApplyAsync(new Pending(claim, puts, deletes), cancellationToken);
        return true;
    }

    /// <summary>
    /// Finishes, in the background, a journal whose claim expired: off any request's path (not cancelled
    /// with it), once per journal at a time in this process.
    /// </summary>
    public void ScheduleRepair(string id) =>
        _repairs.GetOrAdd(id, key => Task.Run(async () =>
        {
            try
            {
                await TakeOverAsync(key, CancellationToken.None);
            }
            catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or TableBusyException)
            {
                // The next reader or writer that meets the journal schedules it again.
                Activity.Current?.AddException(e);
            }
            finally
            {
                _repairs.TryRemove(key, out _);
            }
        }));

    /// <summary>
    /// Called by every read that met marked items, with the time the read started: true when the read
    /// may have overlapped the apply of one of their journals — then that journal is closed now, and the
    /// reader must read again; false when every journal was closed before the read began, or has not
    /// committed (its items are still as before the write). A reader never applies a journal: it waits
    /// (at most <see cref="WriteLimits.ReaderMaxWait"/>) for its writer, or for the background repair when
    /// the writer's claim expired; past that, <see cref="TableBusyException"/>.
    /// </summary>
    public async Task<bool> SettleAsync(IEnumerable<Item> items, long readStarted, CancellationToken cancellationToken)
    {
        var ids = items.Where(IsMarked).Select(i => i[Marker].S)
            .Where(id => !_closedAt.TryGetValue(id, out var closed) || closed >= readStarted).Distinct().ToList();
        var reread = false;
        foreach (var id in ids)
        {
            var deadline = time.GetUtcNow() + WriteLimits.ReaderMaxWait;
            while (true)
            {
                var header = await GetHeaderAsync(id, cancellationToken);
                if (header is null)
                {
                    _closedAt.TryAdd(id, Stopwatch.GetTimestamp());
                    reread = true;
                    break;
                }
                if (long.Parse(header[ExpiresAttribute].N, CultureInfo.InvariantCulture) < time.GetUtcNow().ToUnixTimeMilliseconds())
                {
                    ScheduleRepair(id);
                }
                if (header[StateAttribute].S != Committed)
                {
                    break;
                }
                if (time.GetUtcNow() > deadline)
                {
                    throw new TableBusyException($"A write is being applied (journal {id}); retry shortly");
                }
                await Task.Delay(SettlePoll, cancellationToken);
            }
        }
        return reread;
    }

    /// <summary>Whether the journal is still open (its header is removed only by its closing transaction).</summary>
    public async Task<bool> IsOpenAsync(string id, CancellationToken cancellationToken) => await GetHeaderAsync(id, cancellationToken) is not null;

    /// <summary>A transaction's check that journal <paramref name="id"/> is closed: what a writer changing an item it marked needs.</summary>
    public static TransactWriteItem ClosedCheck(string id) => new()
    {
        ConditionCheck = new ConditionCheck
        {
            Key = HeaderKey(id),
            ConditionExpression = "attribute_not_exists(#pk)",
            ExpressionAttributeNames = new() { ["#pk"] = TableLayout.PK },
        },
    };

    private async Task PutHeaderAsync(Claim claim, CancellationToken cancellationToken)
    {
        using var activity = StorageTelemetry.Start("PutItem", tableName);
        await client.PutItemAsync(new PutItemRequest
        {
            TableName = tableName,
            Item = new Item(HeaderKey(claim.Id))
            {
                [TableLayout.TypeAttribute] = new(TableLayout.Types.Journal),
                [StateAttribute] = new(Claiming),
                [EpochAttribute] = Number(claim.Epoch),
                [OwnerAttribute] = new(claim.Owner),
                [ExpiresAttribute] = Number((time.GetUtcNow() + WriteLimits.ClaimDuration).ToUnixTimeMilliseconds()),
                [Items.CreatedAt] = new(Items.Iso(time.GetUtcNow().UtcDateTime)),
            },
            ConditionExpression = "attribute_not_exists(#pk)",
            ExpressionAttributeNames = new() { ["#pk"] = TableLayout.PK },
        }, cancellationToken);
    }

    /// <summary>
    /// Marks every item the plan read (unchanged since) as claimed by the journal, and checks the absent ones
    /// still absent and the journals that had marked them closed (those checks in the first transaction).
    /// </summary>
    private async Task ClaimAsync(WritePlan plan, Claim claim, CancellationToken cancellationToken)
    {
        var others = OpenMarkers(plan);
        List<TransactWriteItem> claims = [.. others.Select(ClosedCheck), .. plan.Expected.Select(e => ClaimOf(e.Key, e.Value, claim.Id))];
        await Parallel.ForEachAsync(claims.Chunk(WriteLimits.OpsPerTransaction - 1), new ParallelOptions { MaxDegreeOfParallelism = ParallelTransactions, CancellationToken = cancellationToken },
            async (chunk, ct) =>
            {
                try
                {
                    await TransactAsync(claim, [.. chunk], ct);
                }
                catch (TransactionCanceledException e) when (TransactionFailures.IsConflict(e))
                {
                    throw new WriteConflictException($"An item journal {claim.Id} read changed before it was claimed", others, e);
                }
            });
    }

    /// <summary>The journals that marked items the plan read, not known closed: a commit needs them closed.</summary>
    public IReadOnlyList<string> OpenMarkers(WritePlan plan) =>
        [.. plan.Expected.Values.OfType<Item>().Select(WriteConditions.MarkerOf).OfType<string>().Distinct().Where(id => !IsKnownClosed(id))];

    private static TransactWriteItem ClaimOf((string Pk, string Sk) key, Item? read, string id)
    {
        if (read is null)
        {
            return new TransactWriteItem { ConditionCheck = WriteConditions.Check(key, null) };
        }
        var condition = WriteConditions.Unchanged(read);
        return new TransactWriteItem
        {
            Update = new Update
            {
                Key = MetalFestsTable.Key(key.Pk, key.Sk),
                UpdateExpression = "SET #jm = :claim",
                ConditionExpression = condition.Expression,
                ExpressionAttributeNames = new(condition.Names) { ["#jm"] = Marker },
                ExpressionAttributeValues = new(condition.Values) { [":claim"] = new(id) },
            },
        };
    }

    /// <summary>
    /// Items in transactions of at most <see cref="WriteLimits.OpsPerTransaction"/>, several at once, each
    /// checking the claim's epoch. One failing does not stop the others (what was sent lands whole).
    /// </summary>
    private async Task ApplyPhaseAsync(Claim claim, IReadOnlyList<TransactWriteItem> writes, CancellationToken cancellationToken)
    {
        using var inFlight = new SemaphoreSlim(ParallelTransactions);
        await Task.WhenAll(writes.Chunk(WriteLimits.OpsPerTransaction).Select(async chunk =>
        {
            await inFlight.WaitAsync(cancellationToken);
            try
            {
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        await TransactAsync(claim, [.. chunk], cancellationToken);
                        return;
                    }
                    catch (TransactionCanceledException e) when (attempt < ApplyAttempts && TransactionFailures.IsConflict(e))
                    {
                        // A conflict with another transaction on one of the items (a writer's check on a claimed item): again.
                        await Task.Delay(TimeSpan.FromMilliseconds(10 * attempt + Random.Shared.Next(10)), cancellationToken);
                    }
                }
            }
            finally
            {
                inFlight.Release();
            }
        }));
    }

    /// <summary>
    /// One transaction of the journal's holder: the header first, checked at the claim's epoch (the fence);
    /// with <paramref name="commitPages"/> it also commits, with <paramref name="close"/> it deletes the header.
    /// A header that fails its check means the claim was taken over: <see cref="TableBusyException"/>.
    /// </summary>
    private async Task TransactAsync(Claim claim, List<TransactWriteItem> items, CancellationToken cancellationToken, int? commitPages = null, bool close = false)
    {
        var names = new Dictionary<string, string> { ["#epoch"] = EpochAttribute };
        var values = new Dictionary<string, AttributeValue> { [":epoch"] = Number(claim.Epoch) };
        TransactWriteItem header;
        if (commitPages is { } pages)
        {
            names["#state"] = StateAttribute;
            names["#pages"] = PagesAttribute;
            values[":claiming"] = new(Claiming);
            values[":committed"] = new(Committed);
            values[":pages"] = Number(pages);
            header = new() { Update = new Update { Key = HeaderKey(claim.Id), UpdateExpression = "SET #state = :committed, #pages = :pages", ConditionExpression = "#epoch = :epoch AND #state = :claiming", ExpressionAttributeNames = names, ExpressionAttributeValues = values } };
        }
        else if (close)
        {
            header = new() { Delete = new Delete { Key = HeaderKey(claim.Id), ConditionExpression = "#epoch = :epoch", ExpressionAttributeNames = names, ExpressionAttributeValues = values } };
        }
        else
        {
            header = new() { ConditionCheck = new ConditionCheck { Key = HeaderKey(claim.Id), ConditionExpression = "#epoch = :epoch", ExpressionAttributeNames = names, ExpressionAttributeValues = values } };
        }
        List<TransactWriteItem> all = [header, .. items];
        foreach (var item in all)
        {
            item.Put?.TableName = tableName;
            item.Update?.TableName = tableName;
            item.Delete?.TableName = tableName;
            item.ConditionCheck?.TableName = tableName;
        }
        using var activity = StorageTelemetry.Start("TransactWriteItems", tableName);
        activity?.SetTag("aws.dynamodb.item_count", all.Count);
        try
        {
            await client.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = all }, cancellationToken);
        }
        catch (TransactionCanceledException e) when (TransactionFailures.FailedAt(e).Contains(0) && e.CancellationReasons[0].Code == "ConditionalCheckFailed")
        {
            throw new TableBusyException($"This write lost its claim on journal {claim.Id} (epoch {claim.Epoch}) to another writer, which finishes or drops it; retry shortly", e);
        }
    }

    private async Task<Item?> GetHeaderAsync(string id, CancellationToken cancellationToken)
    {
        using var activity = StorageTelemetry.Start("GetItem", tableName);
        var response = await client.GetItemAsync(new GetItemRequest
        {
            TableName = tableName,
            Key = HeaderKey(id),
            ConsistentRead = true,
            ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
        }, cancellationToken);
        StorageTelemetry.Consumed("GetItem", activity, [response.ConsumedCapacity]);
        return response.Item is { Count: > 0 } item ? item : null;
    }

    private static Item HeaderKey(string id) => MetalFestsTable.Key(TableLayout.WritesPk, TableLayout.JournalSk(id));

    private static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

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
