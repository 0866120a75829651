using System.Diagnostics.Metrics;

namespace MetalFests.Gateway;

/// <summary>
/// The edge's counters in the dashboard (meter <c>MetalFests.Gateway</c>): cache outcomes, evictions, 429s per policy.
/// The cache outcomes are counted on every cacheable request (the hit path): plain interlocked counts, which the
/// metrics SDK reads when it collects, rather than a measurement (tag lookup, aggregation) per request.
/// </summary>
public sealed class EdgeMetrics
{
    public const string MeterName = "MetalFests.Gateway";
    public const string Lookups = "metalfests.cache.lookups";
    private static readonly string[] Outcomes = [CacheOutcome.Hit, CacheOutcome.Miss, CacheOutcome.Stale];
    private readonly long[] _lookups = new long[Outcomes.Length];
    private readonly Counter<long> _evictions;
    private readonly Counter<long> _rejections;

    public EdgeMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableCounter(Lookups, ObserveLookups, description: "Cacheable requests by outcome (Hit, Miss, Stale; a collapsed miss's waiters count as hits)");
        _evictions = meter.CreateCounter<long>("metalfests.cache.evictions", description: "Entries evicted by invalidation");
        _rejections = meter.CreateCounter<long>("metalfests.ratelimit.rejections", description: "Requests answered 429, by policy");
        meter.CreateObservableGauge("metalfests.cache.hit_ratio", () =>
        {
            var served = Count(CacheOutcome.Hit) + Count(CacheOutcome.Stale);
            var total = served + Count(CacheOutcome.Miss);
            return total == 0 ? 0 : (double)served / total;
        }, description: "Share of cacheable requests served without the origin");
    }

    public void Lookup(string outcome) => Interlocked.Increment(ref _lookups[IndexOf(outcome)]);

    public void Evicted(int count)
    {
        if (count > 0)
        {
            _evictions.Add(count);
        }
    }

    public void Rejected(string policy) => _rejections.Add(1, new KeyValuePair<string, object?>("policy", policy));

    private long Count(string outcome) => Interlocked.Read(ref _lookups[IndexOf(outcome)]);

    private static int IndexOf(string outcome) =>
        Array.IndexOf(Outcomes, outcome) is >= 0 and var index ? index : throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "not a cache outcome");

    private IEnumerable<Measurement<long>> ObserveLookups() =>
        Outcomes.Select(outcome => new Measurement<long>(Count(outcome), new KeyValuePair<string, object?>("outcome", outcome)));
}

public static class CacheOutcome
{
    public const string Hit = "Hit";
    public const string Miss = "Miss";
    public const string Stale = "Stale";
}
