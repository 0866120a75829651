using System.Collections.Concurrent;

namespace MetalFests.Gateway.RateLimiting;

/// <summary>
/// A limit per key over a sliding window (WAF's rate-based rule), counted in segments, on the injected
/// clock. Keys idle for a whole window are forgotten.
/// </summary>
public sealed class SlidingWindow(int limit, TimeSpan window, int segments, TimeProvider time)
{
    private const int PruneEvery = 10_000;
    private readonly ConcurrentDictionary<string, Counter> _byKey = new(StringComparer.Ordinal);
    private readonly long _segmentTicks = window.Ticks / segments;
    private int _calls;

    /// <summary>Counts a request; when the key is over its limit, how long until the oldest counted segment leaves the window.</summary>
    public TimeSpan? TryTake(string key)
    {
        var segment = time.GetUtcNow().UtcTicks / _segmentTicks;
        if (Interlocked.Increment(ref _calls) % PruneEvery == 0)
        {
            Prune(segment);
        }
        var counter = _byKey.GetOrAdd(key, _ => new Counter(segments));
        lock (counter)
        {
            counter.MoveTo(segment);
            if (counter.Total < limit)
            {
                counter.Add(segment);
                return null;
            }
            var oldest = counter.OldestCounted(segment);
            return TimeSpan.FromTicks((oldest + segments) * _segmentTicks) - TimeSpan.FromTicks(time.GetUtcNow().UtcTicks);
        }
    }

    private void Prune(long segment)
    {
        foreach (var (key, counter) in _byKey)
        {
            if (counter.Segment <= segment - segments)
            {
                _byKey.TryRemove(new KeyValuePair<string, Counter>(key, counter));
            }
        }
    }

    private sealed class Counter(int segments)
    {
        private readonly int[] _counts = new int[segments];

        public long Segment { get; private set; }
        public int Total { get; private set; }

        /// <summary>Drops the segments that left the window since the last request.</summary>
        public void MoveTo(long segment)
        {
            for (var s = Math.Max(Segment + 1, segment - segments + 1); s <= segment; s++)
            {
                Total -= _counts[s % segments];
                _counts[s % segments] = 0;
            }
            Segment = Math.Max(Segment, segment);
        }

        public void Add(long segment)
        {
            _counts[segment % segments]++;
            Total++;
        }

        public long OldestCounted(long segment)
        {
            for (var s = segment - segments + 1; s <= segment; s++)
            {
                if (_counts[s % segments] > 0)
                {
                    return s;
                }
            }
            return segment;
        }
    }
}
