using System.Collections.Concurrent;
using System.Diagnostics;
using Amazon.DynamoDBv2.Model;

namespace MetalFests.Storage.Reads;

using Item = Dictionary<string, AttributeValue>;

/// <summary>
/// The partitions this process serves from memory, each kept as what its reader made of its items and
/// revalidated on every request by one strongly consistent Query of its version shards
/// (<see cref="PartitionVersions"/>); only a changed version reads the partition again (strongly
/// consistent too, so the copy is never older than the version it is kept under).
/// Read-after-write across instances: a request is answered only from a check that started after the
/// request arrived, and a write's response is sent after its commit put the new version, so a request
/// sent after a write's response sees it, whichever instance wrote. Requests that arrive while a check
/// runs wait for the next one and share it: under load one version read answers many requests.
/// </summary>
public sealed class PartitionCache(MetalFestsTable table)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>
    /// The partition as <paramref name="read"/> makes it of its items, current as of this call.
    /// One partition has one reader (the same <typeparamref name="T"/> on every call).
    /// </summary>
    public async Task<T> GetAsync<T>(string pk, Func<List<Item>, T> read, CancellationToken cancellationToken) where T : class =>
        (T)await _entries.GetOrAdd(pk, p => new Entry(p)).CurrentAsync(table, items => read(items), cancellationToken);

    private sealed class Entry(string pk)
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private volatile Snapshot? _snapshot;

        public async Task<object> CurrentAsync(MetalFestsTable table, Func<List<Item>, object> read, CancellationToken cancellationToken)
        {
            var arrived = Stopwatch.GetTimestamp();
            await _gate.WaitAsync(cancellationToken);
            try
            {
                // A check that started after this request arrived has finished meanwhile: it answers it.
                if (_snapshot is { } shared && shared.CheckStarted >= arrived)
                {
                    return shared.Value;
                }
                var started = Stopwatch.GetTimestamp();
                var version = PartitionVersions.Of(await table.QueryPartitionAsync(TableLayout.VersionPk(pk), cancellationToken, consistent: true));
                if (_snapshot is { } current && current.Version == version)
                {
                    _snapshot = current with { CheckStarted = started };
                    return current.Value;
                }
                var value = read(await table.QueryPartitionAsync(pk, cancellationToken, consistent: true));
                _snapshot = new Snapshot(version, value, started);
                return value;
            }
            finally
            {
                _gate.Release();
            }
        }
    }

    private sealed record Snapshot(string Version, object Value, long CheckStarted);
}
