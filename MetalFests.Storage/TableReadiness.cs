using System.Diagnostics;

namespace MetalFests.Storage;

/// <summary>
/// Whether the table is loaded (its <see cref="LoadMarker"/> says <see cref="LoadMarker.Loaded"/>), as a service must
/// know before it answers: a table not loaded yet — DynamoDB Local restarted in memory and the migrator still loading,
/// or a first deployment before the migrator ran — would otherwise answer 404 for all it does not hold yet (which the
/// edge keeps), and take writes the load then runs over. Readiness (<see cref="TableHealthCheck"/>) and every API
/// request (<c>UseLoadedTable</c>) ask it.
/// A marker seen loaded is trusted for <see cref="Trust"/> from the moment its read started, then read again; one not
/// loaded (or absent) is never trusted, so the first request after a load is served. Reads go one at a time, shared by
/// every request that asks meanwhile. <see cref="Forget"/> (on any outage answer) ends the trust at once, also for a
/// read still in flight.
/// One second is shorter than any way a loaded table becomes an unloaded one: DynamoDB Local takes seconds to start
/// again, and the migrator creates the table after that.
/// </summary>
public sealed class TableReadiness(MetalFestsTable table)
{
    public static readonly TimeSpan Trust = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private Task<LoadMarker?>? _reading;
    private long _trustedUntil;
    private long _generation;

    /// <summary>Whether the table is loaded: from the last read while it holds, else from the read in flight or a new one.</summary>
    public async ValueTask<bool> IsLoadedAsync(CancellationToken cancellationToken)
    {
        if (Stopwatch.GetTimestamp() < Volatile.Read(ref _trustedUntil))
        {
            return true;
        }
        Task<LoadMarker?> reading;
        lock (_lock)
        {
            // Not cancelled with the request that started it: the others share it. Each waits only as long as it may.
            reading = _reading is { IsCompleted: false } inFlight ? inFlight : _reading = CheckAsync(CancellationToken.None);
        }
        return (await reading.WaitAsync(cancellationToken))?.IsLoaded == true;
    }

    /// <summary>Reads the marker now (the health check's question); null when the table holds none.</summary>
    public async Task<LoadMarker?> CheckAsync(CancellationToken cancellationToken)
    {
        var generation = Volatile.Read(ref _generation);
        var started = Stopwatch.GetTimestamp();
        var marker = await LoadMarker.ReadAsync(table, cancellationToken);
        lock (_lock)
        {
            // A Forget() since the read started wins over its answer.
            if (_generation == generation)
            {
                _trustedUntil = marker?.IsLoaded == true ? started + (long)(Trust.TotalSeconds * Stopwatch.Frequency) : 0;
            }
        }
        return marker;
    }

    /// <summary>Stops trusting the last read (and any read in flight): the next question reads the marker again.</summary>
    public void Forget()
    {
        lock (_lock)
        {
            _generation++;
            _trustedUntil = 0;
            _reading = null;
        }
    }
}
