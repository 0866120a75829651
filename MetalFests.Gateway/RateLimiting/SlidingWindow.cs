using System.Collections.Concurrent;

namespace MetalFests.Gateway.RateLimiting;

/// <summary>
/// A limit per key over a sliding window (WAF's rate-based rule), counted in segments, on the injected
/// clock. Keys idle for a whole window are forgotten. Lock-free: every request of a key (one client's
/// connections on every core) counts with one compare-and-swap, and one over the limit takes its count back.
/// </summary>
public sealed class SlidingWindow(int limit, TimeSpan window, int segments, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Counter> _byKey = new(StringComparer.Ordinal);
    private readonly long _segmentTicks = window.Ticks / segments;
    private long _prunedAt;

    /// <summary>Counts a request; when the key is over its limit, how long until the oldest counted segment leaves the window.</summary>
    public TimeSpan? TryTake(string key)
    {
        var now = time.GetUtcNow().UtcTicks;
        var segment = now / _segmentTicks;
        var pruned = Volatile.Read(ref _prunedAt);
        if (segment > pruned && Interlocked.CompareExchange(ref _prunedAt, segment, pruned) == pruned)
        {
            // The first request of a segment forgets the keys idle since a whole window.
            Prune(segment);
        }
        var counter = _byKey.GetOrAdd(key, static (_, segments) => new Counter(segments), segments);
        if (counter.TryAdd(segment, limit))
        {
            return null;
        }
        return TimeSpan.FromTicks((counter.OldestCounted(segment) + segments) * _segmentTicks - now);
    }

    private void Prune(long segment)
    {
        foreach (var (key, counter) in _byKey)
        {
            if (counter.LastSegment <= segment - segments)
            {
                _byKey.TryRemove(new KeyValuePair<string, Counter>(key, counter));
            }
        }
    }

    /// <summary>
    /// One key's counts: a slot per segment of the window, each holding the segment it counts (high 32 bits,
    /// modulo 2³²) and its count (low 32 bits) in one word, so that moving on to a new segment and counting are one swap.
    /// </summary>
    private sealed class Counter(int segments)
    {
        private readonly long[] _slots = new long[segments];
        private long _lastSegment;

        public long LastSegment => Volatile.Read(ref _lastSegment);

        /// <summary>Counts a request in <paramref name="segment"/> if the window stays within <paramref name="limit"/>; false (and not counted) when over.</summary>
        public bool TryAdd(long segment, int limit)
        {
            ref var slot = ref _slots[segment % segments];
            long seen;
            do
            {
                seen = Volatile.Read(ref slot);
            }
            while (Interlocked.CompareExchange(ref slot, SegmentOf(seen) == (uint)segment ? seen + 1 : Pack(segment, 1), seen) != seen);
            if (segment > Volatile.Read(ref _lastSegment))
            {
                Volatile.Write(ref _lastSegment, segment);
            }
            if (Total(segment) <= limit)
            {
                return true;
            }
            // Over the limit: a rejected request does not count.
            do
            {
                seen = Volatile.Read(ref slot);
            }
            while (SegmentOf(seen) == (uint)segment && Interlocked.CompareExchange(ref slot, seen - 1, seen) != seen);
            return false;
        }

        /// <summary>The oldest segment of the window that still counts a request.</summary>
        public long OldestCounted(long segment)
        {
            for (var s = segment - segments + 1; s <= segment; s++)
            {
                if (CountIn(s) > 0)
                {
                    return s;
                }
            }
            return segment;
        }

        private long Total(long segment)
        {
            long total = 0;
            for (var s = segment - segments + 1; s <= segment; s++)
            {
                total += CountIn(s);
            }
            return total;
        }

        private int CountIn(long segment)
        {
            var slot = Volatile.Read(ref _slots[segment % segments]);
            return SegmentOf(slot) == (uint)segment ? (int)(uint)slot : 0;
        }

        private static uint SegmentOf(long slot) => (uint)((ulong)slot >> 32);

        private static long Pack(long segment, int count) => (long)(((ulong)(uint)segment << 32) | (uint)count);
    }
}
