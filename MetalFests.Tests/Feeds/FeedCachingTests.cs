using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.Feeds;

/// <summary>
/// The feeds are cached at the edge like the JSON they are made from: the same TTL, a hit with
/// <c>Age</c> and the same <c>ETag</c>, 304 for a matching <c>If-None-Match</c>, <c>HEAD</c> with the
/// headers and no body, and compressed for clients that accept it.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class FeedCachingTests(AppFixture fixture)
{
    private Task<string> ColdAsync(string path) => fixture.Gateway.ColdAsync(path);

    /// <summary>Each feed with the TTL of the JSON it derives from (<c>/api/festivals</c> 10 min, <c>/api/festivals/{key}</c> 30 min).</summary>
    private static readonly (string Path, int Seconds)[] FeedTtls =
    [
        ("/api/festivals.geojson", 600),
        ("/api/festivals.ics", 600),
        ("/api/festivals.ics?festivals=hellfest,copenhell", 600),
        ("/api/festivals/hellfest.ics", 1800),
    ];

    public static TheoryData<string, int> Feeds => Data(FeedTtls);

    public static TheoryData<string, int> Calendars => Data(FeedTtls.Where(f => f.Path.Contains(".ics", StringComparison.Ordinal)));

    private static TheoryData<string, int> Data(IEnumerable<(string Path, int Seconds)> rows)
    {
        var data = new TheoryData<string, int>();
        foreach (var (path, seconds) in rows)
        {
            data.Add(path, seconds);
        }
        return data;
    }

    public static TheoryData<string> FeedPaths => new(FeedTtls.Select(f => f.Path));

    [Theory]
    [MemberData(nameof(Feeds))]
    public async Task A_repeated_read_is_a_hit_with_age_etag_and_the_ttl_of_its_json(string path, int seconds)
    {
        var url = await ColdAsync(path);

        var sinceStored = System.Diagnostics.Stopwatch.StartNew();
        using var first = await fixture.Gateway.GetAsync(url);
        using var second = await fixture.Gateway.GetAsync(url);
        var elapsed = sinceStored.Elapsed;

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("Miss", first.Headers.GetValues("X-Cache").Single());
        Assert.Equal("Hit", second.Headers.GetValues("X-Cache").Single());
        Assert.Equal($"public, max-age={seconds}", second.Headers.CacheControl?.ToString());
        // Age: whole seconds since the edge stored the first answer, which happened within this test's two requests.
        Assert.NotNull(second.Headers.Age);
        Assert.InRange(second.Headers.Age.Value, TimeSpan.Zero, TimeSpan.FromSeconds(Math.Ceiling(elapsed.TotalSeconds)));
        Assert.NotNull(second.Headers.ETag);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(first.Content.Headers.ContentType, second.Content.Headers.ContentType);
        Assert.Equal(first.Content.Headers.ContentDisposition, second.Content.Headers.ContentDisposition);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [MemberData(nameof(Calendars))]
    public async Task A_calendar_asks_subscribers_to_refresh_at_its_ttl(string path, int seconds)
    {
        using var feed = await CalendarFeed.GetAsync(fixture.Gateway, await ColdAsync(path));

        Assert.Equal(TimeSpan.FromSeconds(seconds), feed.Response.Headers.CacheControl?.MaxAge);
        var duration = System.Xml.XmlConvert.ToString(TimeSpan.FromSeconds(seconds));
        Assert.Contains($"REFRESH-INTERVAL;VALUE=DURATION:{duration}", feed.UnfoldedLines);
        Assert.Contains($"X-PUBLISHED-TTL:{duration}", feed.UnfoldedLines);
    }

    [Theory]
    [MemberData(nameof(Feeds))]
    public async Task If_none_match_with_the_current_etag_is_a_304(string path, int seconds)
    {
        var url = await ColdAsync(path);
        using var first = await fixture.Gateway.GetAsync(url);

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var conditional = await fixture.Gateway.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, conditional.StatusCode);
        Assert.Equal(first.Headers.ETag, conditional.Headers.ETag);
        Assert.Equal(TimeSpan.FromSeconds(seconds), conditional.Headers.CacheControl?.MaxAge);
        Assert.Empty(await conditional.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [MemberData(nameof(Feeds))]
    public async Task Head_answers_the_headers_of_get_without_a_body(string path, int seconds)
    {
        var url = await ColdAsync(path);
        using var head = await fixture.Gateway.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        using var get = await fixture.Gateway.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(seconds), head.Headers.CacheControl?.MaxAge);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal((await get.Content.ReadAsByteArrayAsync()).Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [MemberData(nameof(FeedPaths))]
    public async Task A_client_accepting_brotli_gets_the_same_feed_compressed(string path)
    {
        var url = await ColdAsync(path);
        using var plain = await fixture.Gateway.GetAsync(url);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        using var compressed = await fixture.Gateway.SendAsync(request);

        Assert.Equal(["br"], compressed.Content.Headers.ContentEncoding);
        var bytes = await compressed.Content.ReadAsByteArrayAsync();
        await using var brotli = new BrotliStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var decompressed = new MemoryStream();
        await brotli.CopyToAsync(decompressed);
        var identity = await plain.Content.ReadAsByteArrayAsync();
        Assert.Equal(identity, decompressed.ToArray());
        Assert.True(bytes.Length < identity.Length, $"{bytes.Length} compressed bytes of {identity.Length}");
    }

    [Theory]
    [MemberData(nameof(FeedPaths))]
    public async Task A_feed_the_cache_passes_by_is_compressed_too(string path)
    {
        // A request with an API key is never answered from the cache: the edge's compression serves it.
        using var request = new HttpRequestMessage(HttpMethod.Get, await ColdAsync(path));
        request.Headers.Add(MetalFests.ServiceDefaults.Security.RequestHeaders.ApiKey, AppFixture.ViewerKey);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var response = await fixture.Gateway.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("X-Cache"), "answered by the cache");
        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        await using var gzip = new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        Assert.StartsWith(path.Contains(".ics", StringComparison.Ordinal) ? "BEGIN:VCALENDAR" : "{\"type\":\"FeatureCollection\"", await new StreamReader(gzip).ReadToEndAsync(), StringComparison.Ordinal);
    }
}
