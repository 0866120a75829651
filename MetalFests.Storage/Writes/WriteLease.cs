using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace MetalFests.Storage.Writes;

using Item = Dictionary<string, AttributeValue>;

/// <summary>
/// One lease for the whole table: writes are editors' work (a few a minute), so they run one at a
/// time, and every count a write computes from what it read is exact by construction. A holder that
/// dies loses the lease when it expires; every transaction a holder commits checks that it still
/// holds it, so a holder that stalled past expiry writes nothing.
/// </summary>
public sealed class WriteLease(IAmazonDynamoDB client, string tableName, TimeProvider time)
{
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);

    /// <summary>How long a writer waits for the lease before answering 503.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    private const string Owner = "owner";
    private const string ExpiresAt = "expiresAt";

    /// <summary>Takes the lease if it is free or expired; null when another holder has it.</summary>
    public async Task<string?> TryAcquireAsync(CancellationToken cancellationToken)
    {
        var owner = Guid.NewGuid().ToString("N");
        var now = time.GetUtcNow();
        try
        {
            using var activity = StorageTelemetry.Start("PutItem", tableName);
            await client.PutItemAsync(new PutItemRequest
            {
                TableName = tableName,
                Item = new Item(MetalFestsTable.Key(TableLayout.WritesPk, TableLayout.LeaseSk))
                {
                    [TableLayout.TypeAttribute] = new(TableLayout.Types.WriteLease),
                    [Owner] = new(owner),
                    [ExpiresAt] = Number(now + Duration),
                },
                ConditionExpression = "attribute_not_exists(#pk) OR #expires < :now",
                ExpressionAttributeNames = new() { ["#pk"] = TableLayout.PK, ["#expires"] = ExpiresAt },
                ExpressionAttributeValues = new() { [":now"] = Number(now) },
            }, cancellationToken);
            return owner;
        }
        catch (ConditionalCheckFailedException)
        {
            return null;
        }
    }

    /// <summary>Waits (with backoff) for the lease; <see cref="TableBusyException"/> after <see cref="MaxWait"/>.</summary>
    public async Task<string> AcquireAsync(CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + MaxWait;
        for (var attempt = 0; ; attempt++)
        {
            if (await TryAcquireAsync(cancellationToken) is { } owner)
            {
                return owner;
            }
            if (time.GetUtcNow() > deadline)
            {
                throw new TableBusyException("Another write is in progress; retry shortly");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(200, 5 << Math.Min(attempt, 6)) + Random.Shared.Next(5)), cancellationToken);
        }
    }

    public async Task ReleaseAsync(string owner)
    {
        try
        {
            using var activity = StorageTelemetry.Start("DeleteItem", tableName);
            await client.DeleteItemAsync(new DeleteItemRequest
            {
                TableName = tableName,
                Key = MetalFestsTable.Key(TableLayout.WritesPk, TableLayout.LeaseSk),
                ConditionExpression = "#owner = :owner",
                ExpressionAttributeNames = new() { ["#owner"] = Owner },
                ExpressionAttributeValues = new() { [":owner"] = new(owner) },
            });
        }
        catch (ConditionalCheckFailedException)
        {
            // Expired and taken by another writer: nothing of ours to release.
        }
    }

    /// <summary>The check every transaction of a holder carries: the lease is still this holder's.</summary>
    public TransactWriteItem Held(string owner) => new()
    {
        ConditionCheck = new ConditionCheck
        {
            TableName = tableName,
            Key = MetalFestsTable.Key(TableLayout.WritesPk, TableLayout.LeaseSk),
            ConditionExpression = "#owner = :owner AND #expires > :now",
            ExpressionAttributeNames = new() { ["#owner"] = Owner, ["#expires"] = ExpiresAt },
            ExpressionAttributeValues = new() { [":owner"] = new(owner), [":now"] = Number(time.GetUtcNow()) },
        },
    };

    private static AttributeValue Number(DateTimeOffset at) => new() { N = at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) };
}

/// <summary>The table is busy with another write for longer than a request should wait (answered as 503).</summary>
public sealed class TableBusyException(string message) : TimeoutException(message);
