using System.Net;
using MetalFests.ServiceDefaults;
using MetalFests.ServiceDefaults.Caching;
using MetalFests.ServiceDefaults.Security;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.Edge;

/// <summary>The gateway's cache in front of the real services (each test reads URLs of its own, so entries do not collide).</summary>
[Collection(AppCollection.Name)]
public sealed class EdgeCacheTests(AppFixture fixture)
{
    private Task<string> ColdAsync(string path) => fixture.Gateway.ColdAsync(path);

    [Fact]
    public async Task A_repeated_read_is_a_hit_with_age_etag_and_the_seed_ttl()
    {
        var url = await ColdAsync("/api/festivals");

        using var first = await fixture.Gateway.GetAsync(url);
        using var second = await fixture.Gateway.GetAsync(url);

        Assert.Equal("Miss", Header(first, "X-Cache"));
        Assert.Equal("Hit", Header(second, "X-Cache"));
        Assert.Equal("public, max-age=600", second.Headers.CacheControl?.ToString());
        Assert.NotNull(second.Headers.ETag);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_hit_does_not_reach_the_service()
    {
        var url = await ColdAsync("/api/festivals/hellfest");
        (await fixture.Gateway.GetAsync(url)).Dispose();
        var before = await DynamoDbRequests.CountAsync(fixture, ServiceNames.Festivals);

        for (var i = 0; i < 5; i++)
        {
            using var hit = await fixture.Gateway.GetAsync(url);
            Assert.Equal("Hit", Header(hit, "X-Cache"));
        }

        Assert.Equal(before, await DynamoDbRequests.CountAsync(fixture, ServiceNames.Festivals));
    }

    [Fact]
    public async Task If_none_match_with_the_current_etag_answers_304_from_the_cache()
    {
        var url = await ColdAsync("/api/genres");
        using var first = await fixture.Gateway.GetAsync(url);
        var before = await DynamoDbRequests.CountAsync(fixture, ServiceNames.Catalog);

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var conditional = await fixture.Gateway.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, conditional.StatusCode);
        Assert.Equal(first.Headers.ETag, conditional.Headers.ETag);
        Assert.Empty(await conditional.Content.ReadAsByteArrayAsync());
        Assert.Equal(before, await DynamoDbRequests.CountAsync(fixture, ServiceNames.Catalog));
    }

    [Fact]
    public async Task An_outdated_etag_gets_the_full_body()
    {
        var url = await ColdAsync("/api/roles");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("If-None-Match", "\"not-the-etag\"");

        using var response = await fixture.Gateway.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Concurrent_misses_of_one_url_make_one_origin_request()
    {
        var url = await ColdAsync("/api/festivals");
        var before = await DynamoDbRequests.CountAsync(fixture, ServiceNames.Festivals);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => fixture.Gateway.GetAsync(url)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(responses, r => Header(r, "X-Cache") == "Miss");
        // The festival list is one Query: one origin request for twenty clients.
        Assert.Equal(before + 1, await DynamoDbRequests.CountAsync(fixture, ServiceNames.Festivals));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task A_404_is_cached_briefly()
    {
        var url = await ColdAsync("/api/bands/no-such-band");

        using var first = await fixture.Gateway.GetAsync(url);
        using var second = await fixture.Gateway.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.Equal("Hit", Header(second, "X-Cache"));
        Assert.True(second.Headers.CacheControl?.MaxAge <= TimeSpan.FromSeconds(30));
        Assert.Equal("RESOURCE_NOT_FOUND", (await Envelope.ReadAsync(second)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Validation_errors_are_not_cached()
    {
        var url = await ColdAsync("/api/bands?limit=0");

        using var first = await fixture.Gateway.GetAsync(url);
        using var second = await fixture.Gateway.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal("Miss", Header(second, "X-Cache"));
    }

    [Fact]
    public async Task Requests_with_an_api_key_are_never_cached()
    {
        var url = await ColdAsync("/api/festivals");
        var before = await DynamoDbRequests.CountAsync(fixture, ServiceNames.Festivals);

        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add(RequestHeaders.ApiKey, AppFixture.ViewerKey);
            using var response = await fixture.Gateway.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("X-Cache"));
        }

        Assert.Equal(before + 2, await DynamoDbRequests.CountAsync(fixture, ServiceNames.Festivals));
    }

    [Fact]
    public async Task Admin_routes_are_never_cached()
    {
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/cache/status?id=unknown");
            request.Headers.Add(RequestHeaders.ApiKey, AppFixture.ViewerKey);
            using var response = await fixture.Gateway.SendAsync(request);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.False(response.Headers.Contains("X-Cache"));
        }
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Json_is_compressed_for_clients_that_accept_it(string encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, await ColdAsync("/api/bands?limit=50"));
        request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);

        using var response = await fixture.Gateway.SendAsync(request);

        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
    }

    [Fact]
    public async Task Surrogate_keys_label_responses_inside_but_never_reach_the_client()
    {
        using var festivals = fixture.Service(ServiceNames.Festivals);
        using var direct = await festivals.GetAsync("/api/festivals/hellfest");
        using var viaGateway = await fixture.Gateway.GetAsync(await ColdAsync("/api/festivals/hellfest"));

        var labels = SurrogateKeys.Parse(string.Join(' ', direct.Headers.GetValues(SurrogateKeys.Header)));
        Assert.Contains(SurrogateKeys.Festival("hellfest"), labels);
        Assert.Contains(SurrogateKeys.Band("iron-maiden"), labels);
        Assert.False(viaGateway.Headers.Contains(SurrogateKeys.Header));
    }

    [Fact]
    public async Task Public_reads_may_be_called_from_any_origin_admin_routes_from_none()
    {
        using var read = new HttpRequestMessage(HttpMethod.Get, await ColdAsync("/api/genres"));
        read.Headers.Add("Origin", "https://example.org");
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/admin/cache/invalidate");
        preflight.Headers.Add("Origin", "https://example.org");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");

        using var readResponse = await fixture.Gateway.SendAsync(read);
        using var preflightResponse = await fixture.Gateway.SendAsync(preflight);

        Assert.Equal(["*"], readResponse.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.False(preflightResponse.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_cross_origin_read_of_a_cached_page_is_a_hit_with_the_public_cors_headers()
    {
        var url = await ColdAsync("/api/genres");
        (await fixture.Gateway.GetAsync(url)).Dispose();
        using var read = new HttpRequestMessage(HttpMethod.Get, url);
        read.Headers.Add("Origin", "https://example.org");

        using var response = await fixture.Gateway.SendAsync(read);

        Assert.Equal("Hit", Header(response, "X-Cache"));
        Assert.Equal(["*"], response.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.Contains("X-Cache", response.Headers.GetValues("Access-Control-Expose-Headers").Single());
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : null;
}
