namespace MetalFests.Storage.Writes;

/// <summary>
/// Every limit of the write path, in one place: DynamoDB's transaction size, how large a write may be,
/// how long a journal's claim lasts, and how long a write or a reader waits before answering 503.
/// </summary>
public static class WriteLimits
{
    /// <summary>Items per <c>TransactWriteItems</c>: DynamoDB's limit.</summary>
    public const int ItemsPerTransaction = 100;

    /// <summary>
    /// Operations a journal's transactions carry: the limit less the journal header each one checks
    /// (its epoch: the fencing token). A write whose plan fits this commits in one transaction.
    /// </summary>
    public const int OpsPerTransaction = ItemsPerTransaction - 1;

    /// <summary>Operations per journal page (a compressed item; 500 ops of a line-up compress to ~20 KB of DynamoDB's 400 KB).</summary>
    public const int OpsPerPage = 500;

    /// <summary>Pages a journal may have: all are deleted in its closing transaction, beside the header.</summary>
    public const int MaxPages = OpsPerTransaction;

    /// <summary>The most items one write may change (its audit entry included); beyond it the write is refused (413), before anything is written.</summary>
    public const int MaxItems = MaxPages * OpsPerPage;

    /// <summary>How long a journal's claim lasts: past it, another writer or the repair may take the journal over (with a higher epoch).</summary>
    public static readonly TimeSpan ClaimDuration = TimeSpan.FromSeconds(30);

    /// <summary>How long a write keeps re-reading and re-planning after conflicts before answering 503.</summary>
    public static readonly TimeSpan ConflictBudget = TimeSpan.FromSeconds(5);

    /// <summary>How long a reader waits for a journal being applied by someone else before answering 503.</summary>
    public static readonly TimeSpan ReaderMaxWait = TimeSpan.FromSeconds(5);

    /// <summary>What a 503 of the write path asks the client to wait (<c>Retry-After</c>).</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);
}
