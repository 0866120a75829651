using System.Diagnostics;

namespace MetalFests.Storage;

/// <summary>
/// Whether the table is loaded (its <see cref="LoadMarker"/> says <see cref="LoadMarker.Loaded"/>), as a service must
/// know before it answers: a table not loaded yet — DynamoDB Local restarted in memory and the migrator still loading,
/// or a first deployment before the migrator ran — would otherwise answer 404 for all it does not hold yet (which the
/// edge keeps), and take writes the load then runs over. Readiness (<see cref="TableHealthCheck"/>) and every API
/// request (<c>UseLoadedTable</c>) ask it.
/// A marker seen loaded is trusted for <see cref="Trust"/> from the moment its read started, then read again; and
/// <see cref="Forget"/> (on any outage answer) ends the trust at once. One second is shorter than any way a loaded table
/// becomes an unloaded one: DynamoDB Local takes seconds to start again, and the migrator creates the table after that.
/// </summary>
public sealed class TableReadiness(MetalFestsTable table)
{
    public static readonly TimeSpan Trust = TimeSpan.FromSeconds(1);

    private long _trustedUntil;

    /// <summary>Whether the table is loaded: from the last read while it is trusted, else from a new read.</summary>
    public async ValueTask<bool> IsLoadedAsync(CancellationToken cancellationToken) =>
        Stopwatch.GetTimestamp() < Volatile.Read(ref _trustedUntil) || (await CheckAsync(cancellationToken))?.IsLoaded == true;

    /// <summary>Reads the marker now (the health check's question); null when the table holds none.</summary>
    public async Task<LoadMarker?> CheckAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var marker = await LoadMarker.ReadAsync(table, cancellationToken);
        Volatile.Write(ref _trustedUntil, marker?.IsLoaded == true ? started + (long)(Trust.TotalSeconds * Stopwatch.Frequency) : 0);
        return marker;
    }

    /// <summary>Stops trusting the last read: the next question reads the marker again.</summary>
    public void Forget() => Volatile.Write(ref _trustedUntil, 0);
}
