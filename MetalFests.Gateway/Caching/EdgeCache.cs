using System.Buffers;
using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace MetalFests.Gateway.Caching;

/// <summary>
/// The gateway's response store (CloudFront's role): entries by path and canonical query, an index of
/// their surrogate-key labels for precise eviction, and the in-flight origin fetches that concurrent
/// misses share. Hits are lock-free (a read and a timestamp); everything that changes the store holds one lock.
/// <para>
/// Full: entries past their stale window go first, then stale ones, then the least recently used, until
/// a tenth of the space is free. Coherence after a write: every label eviction advances a generation; a
/// fill that began before an eviction of one of its labels is served but not stored, and labels are
/// evicted a second time <see cref="CacheOptions.RefillWindow"/> later, so a refill that read an eventually
/// consistent replica before the write had reached it does not outlive that window.
/// </para>
/// <para>
/// Not <c>Microsoft.Extensions.Caching.Memory</c>: with a size limit it refuses a new entry when full
/// (compacting later, in the background) instead of making room, it cannot tell stale entries from fresh
/// ones (both are unexpired: the stale window keeps them), and it has no <see cref="TimeProvider"/>.
/// </para>
/// </summary>
public sealed class EdgeCache(IOptions<CacheOptions> options, TimeProvider time, EdgeMetrics metrics)
{
    /// <summary>Beyond this many remembered label evictions, the memory is folded into one floor generation.</summary>
    private const int MaxRememberedLabels = 10_000;

    /// <summary>How many fetches a waiter sees fail under it before it fails too.</summary>
    private const int MaxFetchAttempts = 3;

    private readonly ConcurrentDictionary<string, Slot> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _keysByLabel = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _labelEvictedAt = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, InFlight> _inFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ITimer, byte> _secondEvictions = new();
    private readonly Lock _gate = new();
    private long _totalBytes;
    private long _generation;
    private long _floor;

    public CacheOptions Options { get; } = options.Value;
    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Taken when a fill starts; <see cref="Store"/> refuses the fill if its labels were evicted since.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>How many labels the index holds (it shrinks with the entries).</summary>
    public int LabelCount
    {
        get
        {
            lock (_gate)
            {
                return _keysByLabel.Count;
            }
        }
    }

    public int Count => _entries.Count;

    /// <summary>Whether the cache may answer the request: a GET or HEAD from an anonymous caller, while the cache is on.</summary>
    public bool MayServe(HttpContext context, Callers callers) =>
        Options.Enabled
        && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && callers.KeyOf(context) is null;

    /// <summary>An entry's key: the path and the query (made canonical by <see cref="CanonicalRequestMiddleware"/>).</summary>
    public static string KeyOf(HttpRequest request) => request.Path.Value + request.QueryString.Value;

    public bool TryGet(string key, out CachedResponse entry) => Found(_entries.TryGetValue(key, out var slot), slot, out entry);

    /// <summary>The entry of a request (its <see cref="KeyOf"/>), looked up without making the key string: the hit path.</summary>
    public bool TryGet(HttpRequest request, out CachedResponse entry)
    {
        var path = request.Path.Value ?? "";
        var query = request.QueryString.Value;
        if (string.IsNullOrEmpty(query))
        {
            return TryGet(path, out entry);
        }
        var length = path.Length + query.Length;
        char[]? rented = null;
        var key = length <= 256 ? stackalloc char[length] : (rented = ArrayPool<char>.Shared.Rent(length)).AsSpan(0, length);
        path.CopyTo(key);
        query.CopyTo(key[path.Length..]);
        var found = _entries.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var slot);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }
        return Found(found, slot, out entry);
    }

    private bool Found(bool found, Slot? slot, out CachedResponse entry)
    {
        if (found)
        {
            slot!.Touch(time.GetTimestamp());
            entry = slot.Entry;
            return true;
        }
        entry = null!;
        return false;
    }

    /// <summary>Stores a fill that began at <paramref name="generation"/>, unless one of its labels was evicted since; false when not stored.</summary>
    public bool Store(string key, CachedResponse entry, long generation)
    {
        if (entry.Body.Length > Options.MaxTotalBytes)
        {
            return false;
        }
        lock (_gate)
        {
            if (generation < _floor || entry.Labels.Any(label => _labelEvictedAt.TryGetValue(label, out var at) && at > generation))
            {
                return false;
            }
            if (_entries.TryGetValue(key, out var old))
            {
                RemoveLocked(key, old);
            }
            if (_totalBytes + entry.Body.Length > Options.MaxTotalBytes)
            {
                MakeRoomLocked(entry.Body.Length);
            }
            _entries[key] = new Slot(entry, time.GetTimestamp());
            _totalBytes += entry.Body.Length;
            foreach (var label in entry.Labels)
            {
                if (!_keysByLabel.TryGetValue(label, out var keys))
                {
                    _keysByLabel[label] = keys = new(StringComparer.Ordinal);
                }
                keys.Add(key);
            }
            return true;
        }
    }

    /// <summary>
    /// Concurrent misses of one key share one origin request: the first caller's <paramref name="fetch"/>
    /// runs, the others await its result. When the first caller goes away before its fetch completes
    /// (its request aborted) or its fetch fails, a waiter still here fetches for itself instead of failing with it.
    /// </summary>
    public async Task<(Fill Fill, bool Shared)> FetchOnceAsync(string key, Func<Task<Fill>> fetch, CancellationToken aborted)
    {
        for (var attempt = 1; ; attempt++)
        {
            var mine = new InFlight(fetch);
            var current = _inFlight.GetOrAdd(key, mine);
            var shared = !ReferenceEquals(current, mine);
            if (shared)
            {
                Interlocked.Increment(ref current.Waiters);
            }
            try
            {
                return (await current.Task.Value.WaitAsync(aborted), shared);
            }
            catch (Exception) when (shared && !aborted.IsCancellationRequested && attempt < MaxFetchAttempts)
            {
                // The first caller's fetch failed (it left, and its fetch went with it): not this caller's failure.
                // Try again, as the first caller if need be.
                _inFlight.TryRemove(new KeyValuePair<string, InFlight>(key, current));
            }
            finally
            {
                if (shared)
                {
                    Interlocked.Decrement(ref current.Waiters);
                }
                else
                {
                    _inFlight.TryRemove(new KeyValuePair<string, InFlight>(key, mine));
                }
            }
        }
    }

    /// <summary>How many requests are waiting on another's fetch of the key.</summary>
    public int WaitersOn(string key) => _inFlight.TryGetValue(key, out var flight) ? Volatile.Read(ref flight.Waiters) : 0;

    /// <summary>Evicts every entry carrying any of the labels, now and once more after <see cref="CacheOptions.RefillWindow"/>; returns how many now.</summary>
    public int EvictLabels(IEnumerable<string> labels)
    {
        var list = labels.ToArray();
        var evicted = EvictLabelsNow(list);
        if (list.Length > 0 && Options.RefillWindow > TimeSpan.Zero)
        {
            ScheduleSecondEviction(list);
        }
        return evicted;
    }

    /// <summary>
    /// Evicts by path: an exact path evicts that path with any query; a path ending in <c>/*</c>
    /// evicts everything below it (CloudFront's invalidation patterns). Fills in flight are not stored.
    /// </summary>
    public int EvictPaths(IEnumerable<string> patterns)
    {
        var evicted = 0;
        lock (_gate)
        {
            _floor = Interlocked.Increment(ref _generation);
            foreach (var pattern in patterns)
            {
                var prefix = pattern.EndsWith("/*", StringComparison.Ordinal) ? pattern[..^1] : null;
                foreach (var (key, slot) in _entries)
                {
                    var path = key.Split('?', 2)[0];
                    var matches = prefix is null ? path == pattern : path.StartsWith(prefix, StringComparison.Ordinal);
                    if (matches && RemoveLocked(key, slot))
                    {
                        evicted++;
                    }
                }
            }
        }
        metrics.Evicted(evicted);
        return evicted;
    }

    private int EvictLabelsNow(IReadOnlyList<string> labels)
    {
        var evicted = 0;
        lock (_gate)
        {
            var generation = Interlocked.Increment(ref _generation);
            if (_labelEvictedAt.Count + labels.Count > MaxRememberedLabels)
            {
                _labelEvictedAt.Clear();
                _floor = generation;
            }
            foreach (var label in labels)
            {
                _labelEvictedAt[label] = generation;
                if (_keysByLabel.TryGetValue(label, out var keys))
                {
                    foreach (var key in keys.ToArray())
                    {
                        if (_entries.TryGetValue(key, out var slot) && RemoveLocked(key, slot))
                        {
                            evicted++;
                        }
                    }
                }
            }
        }
        metrics.Evicted(evicted);
        return evicted;
    }

    private void ScheduleSecondEviction(string[] labels)
    {
        ITimer? timer = null;
        timer = time.CreateTimer(_ =>
        {
            EvictLabelsNow(labels);
            if (timer is not null && _secondEvictions.TryRemove(timer, out var _))
            {
                timer.Dispose();
            }
        }, null, Options.RefillWindow, Timeout.InfiniteTimeSpan);
        _secondEvictions[timer] = 0;
    }

    /// <summary>Removes the entry and its place in the label index (a label with no entries left goes too).</summary>
    private bool RemoveLocked(string key, Slot slot)
    {
        if (!_entries.TryRemove(new KeyValuePair<string, Slot>(key, slot)))
        {
            return false;
        }
        _totalBytes -= slot.Entry.Body.Length;
        foreach (var label in slot.Entry.Labels)
        {
            if (_keysByLabel.TryGetValue(label, out var keys) && keys.Remove(key) && keys.Count == 0)
            {
                _keysByLabel.Remove(label);
            }
        }
        return true;
    }

    /// <summary>Past the stale window first, then stale, then least recently used, until the entry fits with a tenth to spare.</summary>
    private void MakeRoomLocked(int needed)
    {
        var now = Now;
        var target = Math.Max(0, Options.MaxTotalBytes - Options.MaxTotalBytes / 10 - needed);
        var victims = _entries
            .OrderBy(e => !e.Value.Entry.IsServableStale(now, Options.StaleIfError) ? 0 : !e.Value.Entry.IsFresh(now) ? 1 : 2)
            .ThenBy(e => e.Value.LastUsed)
            .ToList();
        var evicted = 0;
        foreach (var (key, slot) in victims)
        {
            if (_totalBytes <= target)
            {
                break;
            }
            if (RemoveLocked(key, slot))
            {
                evicted++;
            }
        }
        metrics.Evicted(evicted);
    }

    private sealed class Slot(CachedResponse entry, long storedAt)
    {
        private long _lastUsed = storedAt;

        public CachedResponse Entry { get; } = entry;
        public long LastUsed => Volatile.Read(ref _lastUsed);

        /// <summary>Written only when it changes, so that hits on one entry do not fight over its cache line.</summary>
        public void Touch(long timestamp)
        {
            if (Volatile.Read(ref _lastUsed) < timestamp)
            {
                Volatile.Write(ref _lastUsed, timestamp);
            }
        }
    }

    private sealed class InFlight(Func<Task<Fill>> fetch)
    {
        public int Waiters;
        public Lazy<Task<Fill>> Task { get; } = new(fetch);
    }
}

/// <summary>One origin fetch, shared by the misses it collapsed: what the service answered, and the entry made of it (hashed and compressed once) when storable.</summary>
public sealed record Fill(OriginResponse Origin, CachedResponse? Entry);

/// <summary>What a service answered, captured whole so that it can be stored or replayed to collapsed requests.</summary>
public sealed record OriginResponse(int StatusCode, IReadOnlyList<KeyValuePair<string, string[]>> Headers, byte[] Body)
{
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } values ? string.Join(", ", values) : null;
}
