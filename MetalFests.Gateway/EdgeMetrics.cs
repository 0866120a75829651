using System.Diagnostics.Metrics;

namespace MetalFests.Gateway;

/// <summary>The edge's counters in the dashboard (meter <c>MetalFests.Gateway</c>): cache outcomes, evictions, 429s per policy.</summary>
public sealed class EdgeMetrics : IDisposable
{
    public const string MeterName = "MetalFests.Gateway";
    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _lookups;
    private readonly Counter<long> _evictions;
    private readonly Counter<long> _rejections;
    private long _hits;
    private long _misses;

    public EdgeMetrics()
    {
        _lookups = _meter.CreateCounter<long>("metalfests.cache.lookups", description: "Cacheable requests by outcome (hit, miss, stale, collapsed)");
        _evictions = _meter.CreateCounter<long>("metalfests.cache.evictions", description: "Entries evicted by invalidation");
        _rejections = _meter.CreateCounter<long>("metalfests.ratelimit.rejections", description: "Requests answered 429, by policy");
        _meter.CreateObservableGauge("metalfests.cache.hit_ratio", () =>
        {
            var hits = Interlocked.Read(ref _hits);
            var total = hits + Interlocked.Read(ref _misses);
            return total == 0 ? 0 : (double)hits / total;
        }, description: "Share of cacheable requests served without the origin");
    }

    public void Lookup(string outcome)
    {
        _lookups.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        if (outcome == CacheOutcome.Miss)
        {
            Interlocked.Increment(ref _misses);
        }
        else
        {
            Interlocked.Increment(ref _hits);
        }
    }

    public void Evicted(int count)
    {
        if (count > 0)
        {
            _evictions.Add(count);
        }
    }

    public void Rejected(string policy) => _rejections.Add(1, new KeyValuePair<string, object?>("policy", policy));

    public void Dispose() => _meter.Dispose();
}

public static class CacheOutcome
{
    public const string Hit = "Hit";
    public const string Miss = "Miss";
    public const string Stale = "Stale";
}
