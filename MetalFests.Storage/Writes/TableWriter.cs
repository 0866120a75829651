using Amazon.DynamoDBv2.Model;
using MetalFests.Storage.Reads;
using Microsoft.Extensions.Logging;

namespace MetalFests.Storage.Writes;

using Item = Dictionary<string, AttributeValue>;

/// <summary>
/// Runs a write: takes the lease, finishes a journal a failed writer left, lets the write read and
/// plan, then commits the plan with its audit entry — in one transaction when it fits, through the
/// journal when it does not.
/// </summary>
public sealed class TableWriter(MetalFestsTable table, ILogger<TableWriter> logger)
{
    private const int ApplyAttempts = 3;

    public async Task<WriteResult<T>> WriteAsync<T>(Func<WriteSession, Task<WriteResult<T>>> write, CancellationToken cancellationToken)
    {
        var lease = await table.Lease.AcquireAsync(cancellationToken);
        var session = new WriteSession(table, lease, table.Time.GetUtcNow().UtcDateTime, this, cancellationToken);
        try
        {
            if (lease.OpenJournal is { } left)
            {
                logger.LogWarning("Finishing journal {JournalId} left open by a failed write", left);
                await table.Journal.ApplyLeftOverAsync(lease, cancellationToken);
            }
            return await write(session);
        }
        finally
        {
            if (!session.Released)
            {
                await table.Lease.ReleaseAsync(lease);
            }
        }
    }

    /// <summary>Commits the plan; true when the commit also gave the lease back.</summary>
    internal async Task<bool> CommitAsync(WritePlan plan, LeaseHandle lease, CancellationToken cancellationToken)
    {
        if (plan.Count <= WriteJournal.ItemsPerTransaction)
        {
            List<TransactWriteItem> items =
            [
                .. plan.Puts.Select(p => new TransactWriteItem { Put = new Put { Item = p } }),
                .. plan.Deletes.Select(d => new TransactWriteItem { Delete = new Delete { Key = MetalFestsTable.Key(d.Pk, d.Sk) } }),
                table.Lease.ReleasedWith(lease),
            ];
            await table.TransactWriteAsync(items, cancellationToken);
            return true;
        }

        var journal = await table.Journal.OpenAsync(plan, lease, cancellationToken);
        logger.LogInformation("Write of {ItemCount} items committed as journal {JournalId}", plan.Count, journal.Id);
        // Committed: the write happens now whatever the client does, so it is not cancelled with the request.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // A failed attempt may have closed the journal (and given the lease back) before it failed:
                // then applying again would write without the lease.
                if (attempt == 1 || await table.Journal.IsOpenAsync(journal.Id, CancellationToken.None))
                {
                    await table.Journal.ApplyAsync(journal, lease, release: true, CancellationToken.None);
                }
                return true;
            }
            catch (Exception e) when (attempt < ApplyAttempts && e is not TableBusyException)
            {
                logger.LogWarning(e, "Applying journal {JournalId} failed (attempt {Attempt}); retrying", journal.Id, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), CancellationToken.None);
            }
        }
    }
}

/// <summary>One write in progress: its time, its stamp and audit helpers, and its commit.</summary>
public sealed class WriteSession(MetalFestsTable table, LeaseHandle lease, DateTime now, TableWriter writer, CancellationToken cancellationToken)
{
    public MetalFestsTable Table => table;
    public DateTime Now => now;

    /// <summary>Whether the commit already gave the lease back.</summary>
    public bool Released { get; private set; }
    public CancellationToken CancellationToken => cancellationToken;

    public Item Stamp(Item item, Item? previous, WriteContext context) => Items.Stamp(item, previous, now, context.KeyId);

    /// <summary>Commits the plan together with the write's audit entry and the versions of the memory-served partitions it changes.</summary>
    public async Task CommitAsync(WritePlan plan, WriteContext context, string action, string entityType, string entityKey, Item? before, Item? after)
    {
        var entry = new AuditEntry(Guid.NewGuid().ToString("N")[..16], now, context.KeyId, action, entityType, entityKey, context.RequestId, AuditLog.Summarize(before, after));
        // The memory-served partitions this write changes get a new version in the same commit (Reads/PartitionVersions.cs).
        PartitionVersions.Bump(plan, entry.Id);
        plan.Put(AuditLog.Item(entry));
        Released = await writer.CommitAsync(plan, lease, cancellationToken);
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
