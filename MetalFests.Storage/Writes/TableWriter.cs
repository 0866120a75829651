using Amazon.DynamoDBv2.Model;
using MetalFests.Storage.Reads;
using Microsoft.Extensions.Logging;

namespace MetalFests.Storage.Writes;

using Item = Dictionary<string, AttributeValue>;

/// <summary>
/// Runs a write with optimistic concurrency: the write reads what it needs and plans; its commit is
/// conditioned on every item it read being unchanged (version and journal marker) or still absent. When
/// another write got there first (a failed condition, or a <c>TransactionConflict</c> on a shared item),
/// the write reads and plans again, with backoff, for at most <see cref="WriteLimits.ConflictBudget"/>;
/// then <see cref="TableBusyException"/> (503). Writes to unrelated entities never wait for each other.
/// A plan that fits one transaction commits in one; a larger one goes through the <see cref="WriteJournal"/>,
/// which claims only the items the plan read.
/// </summary>
public sealed class TableWriter(MetalFestsTable table, ILogger<TableWriter> logger)
{
    private const int ApplyAttempts = 3;

    public async Task<WriteResult<T>> WriteAsync<T>(Func<WriteSession, Task<WriteResult<T>>> write, CancellationToken cancellationToken)
    {
        var deadline = table.Time.GetUtcNow() + WriteLimits.ConflictBudget;
        for (var attempt = 1; ; attempt++)
        {
            var session = new WriteSession(table, table.Time.GetUtcNow().UtcDateTime, this, cancellationToken);
            try
            {
                return await write(session);
            }
            catch (WriteConflictException conflict)
            {
                if (table.Time.GetUtcNow() > deadline)
                {
                    throw new TableBusyException("Other writes to the same entities kept coming first; retry shortly", conflict);
                }
                // A journal whose claim expired stands in the way: the next writer finishes (or drops) it.
                foreach (var journal in conflict.Journals)
                {
                    await table.Journal.TakeOverAsync(journal, cancellationToken);
                }
                logger.LogDebug("Write conflict (attempt {Attempt}); planning again", attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(200, 5 << Math.Min(attempt, 5)) * (0.5 + Random.Shared.NextDouble())), cancellationToken);
            }
            catch (WriteTooLargeException tooLarge)
            {
                return new WriteError(WriteFailure.TooLarge, session.Resource ?? "", session.EntityKey ?? "", ItemCount: tooLarge.Items);
            }
        }
    }

    /// <summary>
    /// Commits the plan: the one place every write's items reach the table. Up to
    /// <see cref="WriteLimits.ItemsPerTransaction"/> items (writes, checks of items read but not written,
    /// checks that journals marking them are closed): one transaction. More: the journal.
    /// </summary>
    internal async Task CommitAsync(WritePlan plan, CancellationToken cancellationToken)
    {
        if (plan.Count > WriteLimits.MaxItems)
        {
            throw new WriteTooLargeException(plan.Count);
        }
        var journals = table.Journal.OpenMarkers(plan);
        if (plan.TransactionSize + journals.Count <= WriteLimits.ItemsPerTransaction)
        {
            List<TransactWriteItem> items =
            [
                .. plan.Puts.Select(p => (Key: (Items.Pk(p), Items.Sk(p)), Item: p)).Select(p => new TransactWriteItem
                {
                    Put = WriteConditions.Put(p.Item, plan.Expected.GetValueOrDefault(p.Key), plan.Expected.ContainsKey(p.Key)),
                }),
                .. plan.Deletes.Select(d => new TransactWriteItem { Delete = WriteConditions.Delete(d, plan.Expected.GetValueOrDefault(d), plan.Expected.ContainsKey(d)) }),
                .. plan.Checks.Select(c => new TransactWriteItem { ConditionCheck = WriteConditions.Check(c, plan.Expected[c]) }),
                .. journals.Select(WriteJournal.ClosedCheck),
            ];
            try
            {
                await table.TransactWriteAsync(items, cancellationToken);
            }
            catch (TransactionCanceledException e) when (TransactionFailures.IsConflict(e))
            {
                throw new WriteConflictException("An item the write read changed before its commit", journals, e);
            }
            return;
        }

        var journal = await table.Journal.OpenAsync(plan, cancellationToken);
        logger.LogInformation("Write of {ItemCount} items committed as journal {JournalId}", plan.Count, journal.Claim.Id);
        // Committed: the write happens now whatever the client does, so it is not cancelled with the request.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await table.Journal.ApplyAsync(journal, CancellationToken.None);
                return;
            }
            catch (Exception e) when (attempt < ApplyAttempts && e is not TableBusyException)
            {
                logger.LogWarning(e, "Applying journal {JournalId} failed (attempt {Attempt}); retrying", journal.Claim.Id, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), CancellationToken.None);
            }
            catch (Exception e) when (e is not TableBusyException)
            {
                // Given up: the claim is released at once, so the next writer or the repair finishes the journal.
                await table.Journal.AbandonAsync(journal.Claim);
                throw;
            }
        }
    }
}

/// <summary>One attempt at a write: its time, its stamp, what it read, and its commit.</summary>
public sealed class WriteSession(MetalFestsTable table, DateTime now, TableWriter writer, CancellationToken cancellationToken)
{
    private readonly List<Item> _read = [];
    private readonly List<(string Pk, string Sk)> _absent = [];

    public MetalFestsTable Table => table;
    public DateTime Now => now;
    public CancellationToken CancellationToken => cancellationToken;

    internal string? Resource { get; private set; }
    internal string? EntityKey { get; private set; }

    /// <summary>Stamps <paramref name="item"/> as the next version of <paramref name="previous"/>, which the commit then requires unchanged.</summary>
    public Item Stamp(Item item, Item? previous, WriteContext context)
    {
        if (previous is not null)
        {
            _read.Add(previous);
        }
        return Items.Stamp(item, previous, now, context.KeyId);
    }

    /// <summary>The commit requires <paramref name="read"/> unchanged, though the write does not change it (a name copied from it).</summary>
    public void Expect(Item read) => _read.Add(read);

    /// <summary>The commit requires the key still absent (what a create checked).</summary>
    public void ExpectAbsent(string pk, string sk) => _absent.Add((pk, sk));

    /// <summary>Commits the plan together with the write's audit entry and the versions of the memory-served partitions it changes.</summary>
    public async Task CommitAsync(WritePlan plan, WriteContext context, string action, string entityType, string entityKey, Item? before, Item? after)
    {
        (Resource, EntityKey) = (entityType, entityKey);
        foreach (var read in _read)
        {
            plan.Expect(read);
        }
        foreach (var (pk, sk) in _absent)
        {
            plan.ExpectAbsent(pk, sk);
        }
        var entry = new AuditEntry(Guid.NewGuid().ToString("N")[..16], now, context.KeyId, action, entityType, entityKey, context.RequestId, AuditLog.Summarize(before, after));
        // The memory-served partitions this write changes get a new version in the same commit (Reads/PartitionVersions.cs).
        PartitionVersions.Bump(plan, entry.Id);
        plan.Put(AuditLog.Item(entry));
        await writer.CommitAsync(plan, cancellationToken);
    }

    public static EntityStamp StampOf(Item item) => new(Items.CreatedAtOf(item) ?? "", Items.UpdatedAtOf(item) ?? "", Items.VersionOf(item));

    /// <summary>
    /// Null when <c>If-Match</c> was not sent or names the current version (or <c>*</c> and the entity
    /// exists); a create (<paramref name="current"/> null) with <c>If-Match</c> cannot match.
    /// </summary>
    public static WriteError? CheckVersion(WriteContext context, Item? current, string resource, string key) =>
        context.IfMatch is { } expected && (current is null || expected != WriteContext.AnyVersion && Items.VersionOf(current) != expected)
            ? new WriteError(WriteFailure.VersionMismatch, resource, key, current is null ? null : Items.VersionOf(current))
            : null;
}
