using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.Extensions.Primitives;

namespace MetalFests.Gateway.Caching;

/// <summary>
/// A stored origin response: identity body, its validators and labels; compressed forms made once, on first need.
/// Its header values are kept as the hit path writes them (<see cref="StringValues"/>, an array), so serving an entry allocates nothing of its own.
/// </summary>
public sealed class CachedResponse
{
    private readonly Lazy<byte[]> _brotli;
    private readonly Lazy<byte[]> _gzip;

    /// <param name="originETag">The origin's own validator (an entity's version) when it gives one; else a hash of the body.</param>
    /// <param name="contentDisposition">The origin's <c>Content-Disposition</c> (a calendar feed's file name), kept with the body.</param>
    /// <param name="versionHeaders">The origin's headers about its API version (deprecation, sunset), kept with the body.</param>
    public CachedResponse(int statusCode, string contentType, string cacheControl, byte[] body, DateTimeOffset storedAt, TimeSpan timeToLive, IReadOnlyCollection<string> labels,
        string? originETag = null, string? contentDisposition = null, IReadOnlyList<KeyValuePair<string, string[]>>? versionHeaders = null)
    {
        VersionHeaders = [.. (versionHeaders ?? []).Select(header => KeyValuePair.Create(header.Key, new StringValues(header.Value)))];
        StatusCode = statusCode;
        ContentType = contentType;
        CacheControl = cacheControl;
        Body = body;
        StoredAt = storedAt;
        TimeToLive = timeToLive;
        Labels = labels;
        ContentDisposition = contentDisposition;
        ETag = originETag ?? $"\"{Convert.ToBase64String(SHA256.HashData(body), 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_')}\"";
        _brotli = new(() => Compress(body, s => new BrotliStream(s, CompressionLevel.Optimal)));
        _gzip = new(() => Compress(body, s => new GZipStream(s, CompressionLevel.Optimal)));
    }

    public int StatusCode { get; }
    public string ContentType { get; }
    public string? ContentDisposition { get; }

    /// <summary>The origin's version headers (<see cref="MetalFests.Api.Versioning.ApiVersions.ResponseHeaders"/>): a deprecated version's answers say so from the cache too.</summary>
    public KeyValuePair<string, StringValues>[] VersionHeaders { get; }
    public string CacheControl { get; }
    public byte[] Body { get; }
    public string ETag { get; }
    public DateTimeOffset StoredAt { get; }
    public TimeSpan TimeToLive { get; }
    public IReadOnlyCollection<string> Labels { get; }

    public byte[] Brotli => _brotli.Value;
    public byte[] Gzip => _gzip.Value;

    public bool IsFresh(DateTimeOffset now) => now - StoredAt < TimeToLive;
    public bool IsServableStale(DateTimeOffset now, TimeSpan staleIfError) => now - StoredAt < TimeToLive + staleIfError;
    public int AgeSeconds(DateTimeOffset now) => (int)Math.Max(0, (now - StoredAt).TotalSeconds);

    private static byte[] Compress(byte[] body, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var stream = compressor(output))
        {
            stream.Write(body);
        }
        return output.ToArray();
    }
}
