using Amazon.DynamoDBv2.Model;

namespace MetalFests.Storage.Writes;

/// <summary>
/// The table could not take a write (or let a reader finish) in time: conflicts kept coming, another
/// writer's journal is still being applied, or this writer lost its journal's claim (a higher epoch
/// took it over). Answered 503 with <c>Retry-After</c>: nothing of the write is half-visible.
/// </summary>
public sealed class TableBusyException(string message, Exception? inner = null) : Exception(message, inner)
{
    public TimeSpan RetryAfter => WriteLimits.RetryAfter;
}

/// <summary>What a write read changed before its commit: it reads and plans again.</summary>
internal sealed class WriteConflictException(string message, IReadOnlyCollection<string> journals, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>Journals whose claims stood in the way (their items carried the marker).</summary>
    public IReadOnlyCollection<string> Journals => journals;
}

/// <summary>A write whose plan exceeds <see cref="WriteLimits.MaxItems"/>: refused before anything is written.</summary>
internal sealed class WriteTooLargeException(int items) : Exception($"A write of {items} items exceeds the limit of {WriteLimits.MaxItems}")
{
    public int Items => items;
}

internal static class TransactionFailures
{
    /// <summary>Indexes of the transaction's items DynamoDB named as the reason it was cancelled.</summary>
    public static List<int> FailedAt(TransactionCanceledException e) =>
        [.. (e.CancellationReasons ?? []).Select((r, i) => (r, i)).Where(p => p.r.Code is not (null or "" or "None")).Select(p => p.i)];

    /// <summary>Whether every reason is a failed condition or a conflict with another transaction: the write may plan again.</summary>
    public static bool IsConflict(TransactionCanceledException e) =>
        (e.CancellationReasons ?? []).All(r => r.Code is null or "" or "None" or "ConditionalCheckFailed" or "TransactionConflict");
}
