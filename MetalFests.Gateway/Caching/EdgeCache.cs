using System.Collections.Concurrent;
using MetalFests.ServiceDefaults.Security;
using Microsoft.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace MetalFests.Gateway.Caching;

/// <summary>
/// The gateway's response store (CloudFront's role): entries by path and query, an index of their
/// surrogate-key labels for precise eviction, and the in-flight origin fetches that concurrent misses share.
/// </summary>
public sealed class EdgeCache(IOptions<CacheOptions> options, TimeProvider time, EdgeMetrics metrics)
{
    private readonly ConcurrentDictionary<string, CachedResponse> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _keysByLabel = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<OriginResponse>>> _inFlight = new(StringComparer.Ordinal);
    private long _totalBytes;

    public CacheOptions Options { get; } = options.Value;
    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Whether the cache may answer the request: a GET or HEAD without credentials, while the cache is on.</summary>
    public bool MayServe(HttpRequest request) =>
        Options.Enabled
        && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && !request.Headers.ContainsKey(RequestHeaders.ApiKey)
        && !request.Headers.ContainsKey(HeaderNames.Authorization);

    /// <summary>An entry's key: the path and the query, as sent.</summary>
    public static string KeyOf(HttpRequest request) => request.Path.Value + request.QueryString.Value;

    public bool TryGet(string key, out CachedResponse entry) => _entries.TryGetValue(key, out entry!);

    public void Store(string key, CachedResponse entry)
    {
        if (Interlocked.Read(ref _totalBytes) + entry.Body.Length > Options.MaxTotalBytes)
        {
            PurgeExpired();
            if (Interlocked.Read(ref _totalBytes) + entry.Body.Length > Options.MaxTotalBytes)
            {
                return;
            }
        }
        _entries.AddOrUpdate(key, entry, (_, old) => { Interlocked.Add(ref _totalBytes, -old.Body.Length); return entry; });
        Interlocked.Add(ref _totalBytes, entry.Body.Length);
        foreach (var label in entry.Labels)
        {
            _keysByLabel.GetOrAdd(label, _ => new(StringComparer.Ordinal))[key] = 0;
        }
    }

    /// <summary>
    /// Concurrent misses of one key share one origin request: the first caller's <paramref name="fetch"/>
    /// runs, the others await its result.
    /// </summary>
    public async Task<(OriginResponse Response, bool Shared)> FetchOnceAsync(string key, Func<Task<OriginResponse>> fetch)
    {
        var mine = new Lazy<Task<OriginResponse>>(fetch);
        var current = _inFlight.GetOrAdd(key, mine);
        try
        {
            return (await current.Value, !ReferenceEquals(current, mine));
        }
        finally
        {
            if (ReferenceEquals(current, mine))
            {
                _inFlight.TryRemove(new KeyValuePair<string, Lazy<Task<OriginResponse>>>(key, mine));
            }
        }
    }

    /// <summary>Evicts every entry carrying any of the labels; returns how many.</summary>
    public int EvictLabels(IEnumerable<string> labels)
    {
        var evicted = 0;
        foreach (var label in labels)
        {
            if (_keysByLabel.TryRemove(label, out var keys))
            {
                evicted += keys.Keys.Count(Remove);
            }
        }
        metrics.Evicted(evicted);
        return evicted;
    }

    /// <summary>
    /// Evicts by path: an exact path evicts that path with any query; a path ending in <c>/*</c>
    /// evicts everything below it (CloudFront's invalidation patterns).
    /// </summary>
    public int EvictPaths(IEnumerable<string> patterns)
    {
        var evicted = 0;
        foreach (var pattern in patterns)
        {
            var prefix = pattern.EndsWith("/*", StringComparison.Ordinal) ? pattern[..^1] : null;
            foreach (var key in _entries.Keys)
            {
                var path = key.Split('?', 2)[0];
                var matches = prefix is null ? path == pattern : path.StartsWith(prefix, StringComparison.Ordinal);
                if (matches && Remove(key))
                {
                    evicted++;
                }
            }
        }
        metrics.Evicted(evicted);
        return evicted;
    }

    private bool Remove(string key)
    {
        if (!_entries.TryRemove(key, out var old))
        {
            return false;
        }
        Interlocked.Add(ref _totalBytes, -old.Body.Length);
        return true;
    }

    private void PurgeExpired()
    {
        var now = Now;
        foreach (var (key, entry) in _entries)
        {
            if (!entry.IsServableStale(now, Options.StaleIfError))
            {
                Remove(key);
            }
        }
    }
}

/// <summary>What a service answered, captured whole so that it can be stored or replayed to collapsed requests.</summary>
public sealed record OriginResponse(int StatusCode, IReadOnlyList<KeyValuePair<string, string[]>> Headers, byte[] Body)
{
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } values ? string.Join(", ", values) : null;
}
