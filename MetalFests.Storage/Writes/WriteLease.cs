using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace MetalFests.Storage.Writes;

/// <summary>A held lease: whose it is, until when it may be used, and the journal a failed holder left open (if any).</summary>
public sealed record LeaseHandle(string Owner, DateTimeOffset UsableUntil, string? OpenJournal);

/// <summary>
/// One lease for the whole table: writes are editors' work (a few a minute), so they run one at a
/// time, and every count a write computes from what it read is exact by construction. The lease item
/// also records a journal committed but not yet applied, so the next holder finishes it first. A
/// holder that dies loses the lease when it expires; a holder only writes while its lease has more
/// than <see cref="SafetyMargin"/> left, and every transaction it commits checks in DynamoDB that the lease is still its own.
/// </summary>
public sealed class WriteLease(IAmazonDynamoDB client, string tableName, TimeProvider time)
{
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan SafetyMargin = TimeSpan.FromSeconds(10);

    /// <summary>How long a writer waits for the lease before answering 503.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    private const string Owner = "owner";
    private const string ExpiresAt = "expiresAt";
    private const string OpenJournal = "openJournal";

    private static Dictionary<string, AttributeValue> Key => MetalFestsTable.Key(TableLayout.WritesPk, TableLayout.LeaseSk);

    /// <summary>Takes the lease if it is free or expired; null when another holder has it.</summary>
    public async Task<LeaseHandle?> TryAcquireAsync(CancellationToken cancellationToken)
    {
        var owner = Guid.NewGuid().ToString("N");
        var now = time.GetUtcNow();
        try
        {
            using var activity = StorageTelemetry.Start("UpdateItem", tableName);
            // An update, not a put: a journal recorded by the previous holder stays, and comes back here.
            var response = await client.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = tableName,
                Key = Key,
                UpdateExpression = "SET #owner = :owner, #expires = :expires, #type = :type",
                ConditionExpression = "attribute_not_exists(#pk) OR #expires < :now",
                ExpressionAttributeNames = new() { ["#pk"] = TableLayout.PK, ["#owner"] = Owner, ["#expires"] = ExpiresAt, ["#type"] = TableLayout.TypeAttribute },
                ExpressionAttributeValues = new()
                {
                    [":owner"] = new(owner),
                    [":expires"] = Number(now + Duration),
                    [":now"] = Number(now),
                    [":type"] = new(TableLayout.Types.WriteLease),
                },
                ReturnValues = ReturnValue.ALL_NEW,
            }, cancellationToken);
            return new LeaseHandle(owner, now + Duration - SafetyMargin, response.Attributes.TryGetValue(OpenJournal, out var open) ? open.S : null);
        }
        catch (ConditionalCheckFailedException)
        {
            return null;
        }
    }

    /// <summary>Waits (with backoff) for the lease; <see cref="TableBusyException"/> after <see cref="MaxWait"/>.</summary>
    public async Task<LeaseHandle> AcquireAsync(CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + MaxWait;
        for (var attempt = 0; ; attempt++)
        {
            if (await TryAcquireAsync(cancellationToken) is { } lease)
            {
                return lease;
            }
            if (time.GetUtcNow() > deadline)
            {
                throw new TableBusyException("Another write is in progress; retry shortly");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(100, 2 << Math.Min(attempt, 6)) + Random.Shared.Next(3)), cancellationToken);
        }
    }

    /// <summary>Gives the lease back; if a journal is still recorded on it, leaves that record for the next holder.</summary>
    public async Task ReleaseAsync(LeaseHandle lease)
    {
        try
        {
            using var activity = StorageTelemetry.Start("DeleteItem", tableName);
            await client.DeleteItemAsync(new DeleteItemRequest
            {
                TableName = tableName,
                Key = Key,
                ConditionExpression = "#owner = :owner AND attribute_not_exists(#journal)",
                ExpressionAttributeNames = new() { ["#owner"] = Owner, ["#journal"] = OpenJournal },
                ExpressionAttributeValues = new() { [":owner"] = new(lease.Owner) },
            });
        }
        catch (ConditionalCheckFailedException)
        {
            try
            {
                using var activity = StorageTelemetry.Start("UpdateItem", tableName);
                await client.UpdateItemAsync(new UpdateItemRequest
                {
                    TableName = tableName,
                    Key = Key,
                    UpdateExpression = "SET #expires = :zero",
                    ConditionExpression = "#owner = :owner",
                    ExpressionAttributeNames = new() { ["#owner"] = Owner, ["#expires"] = ExpiresAt },
                    ExpressionAttributeValues = new() { [":owner"] = new(lease.Owner), [":zero"] = new() { N = "0" } },
                });
            }
            catch (ConditionalCheckFailedException)
            {
                // Expired and taken by another holder: nothing of ours to release.
            }
        }
    }

    /// <summary>Throws unless the lease can still be used: called before each request a holder sends outside a transaction.</summary>
    public void EnsureUsable(LeaseHandle lease)
    {
        if (time.GetUtcNow() > lease.UsableUntil)
        {
            throw new TableBusyException("The write took longer than its lease allows; it will be finished by the next writer or reader");
        }
    }

    /// <summary>
    /// In a transaction: the lease is still this holder's, and the transaction gives it back — a write
    /// that fits one transaction commits and releases in one request (no journal may be recorded); a
    /// journal's closing transaction releases it with <paramref name="closingJournal"/>'s record.
    /// </summary>
    public TransactWriteItem ReleasedWith(LeaseHandle lease, string? closingJournal = null) => new()
    {
        Delete = new Delete
        {
            TableName = tableName,
            Key = Key,
            ConditionExpression = "#owner = :owner AND #expires > :now AND " + (closingJournal is null ? "attribute_not_exists(#journal)" : "#journal = :journal"),
            ExpressionAttributeNames = new() { ["#owner"] = Owner, ["#expires"] = ExpiresAt, ["#journal"] = OpenJournal },
            ExpressionAttributeValues = closingJournal is null
                ? new() { [":owner"] = new(lease.Owner), [":now"] = Number(time.GetUtcNow()) }
                : new() { [":owner"] = new(lease.Owner), [":now"] = Number(time.GetUtcNow()), [":journal"] = new(closingJournal) },
        },
    };

    /// <summary>In a transaction: the lease is this holder's, and records (or, with null, forgets) an open journal.</summary>
    public TransactWriteItem Record(LeaseHandle lease, string? journal) => new()
    {
        Update = new Update
        {
            TableName = tableName,
            Key = Key,
            UpdateExpression = journal is null ? "REMOVE #journal" : "SET #journal = :journal",
            ConditionExpression = "#owner = :owner AND #expires > :now",
            ExpressionAttributeNames = new() { ["#owner"] = Owner, ["#expires"] = ExpiresAt, ["#journal"] = OpenJournal },
            ExpressionAttributeValues = journal is null
                ? new() { [":owner"] = new(lease.Owner), [":now"] = Number(time.GetUtcNow()) }
                : new() { [":owner"] = new(lease.Owner), [":now"] = Number(time.GetUtcNow()), [":journal"] = new(journal) },
        },
    };

    private static AttributeValue Number(DateTimeOffset at) => new() { N = at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) };
}

/// <summary>The table is busy with another write for longer than a request should wait (answered as 503).</summary>
public sealed class TableBusyException(string message) : TimeoutException(message);
