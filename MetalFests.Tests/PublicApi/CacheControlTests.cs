using System.Net;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.PublicApi;

/// <summary>
/// <c>Cache-Control</c> through the gateway: each successful answer public for its endpoint's TTL
/// (the seed's "API Endpoints" and "Cache TTL by Endpoint" tables); errors never cached.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CacheControlTests(AppFixture fixture)
{
    [Theory]
    [InlineData("/api/festivals", 600)]
    [InlineData("/api/festivals?country=germany", 600)]
    [InlineData("/api/festivals/upcoming", 300)]
    [InlineData("/api/festivals/hellfest", 1800)]
    [InlineData("/api/festivals/hellfest/editions", 1800)]
    [InlineData("/api/festivals/hellfest/editions/2026", 3600)]
    [InlineData("/api/bands", 600)]
    [InlineData("/api/bands?reviewed=false", 600)]
    [InlineData("/api/bands/reviewed", 600)]
    [InlineData("/api/bands/unreviewed", 300)]
    [InlineData("/api/bands/pod", 1800)]
    [InlineData("/api/bands/pod/festivals", 600)]
    [InlineData("/api/genres", 3600)]
    [InlineData("/api/genres/nu-metal", 3600)]
    [InlineData("/api/genres/nu-metal/bands", 600)]
    [InlineData("/api/roles", 3600)]
    [InlineData("/api/roles/vocals", 3600)]
    [InlineData("/api/roles/vocals/members", 600)]
    public async Task A_successful_answer_is_public_for_its_endpoint_ttl(string path, int seconds)
    {
        using var response = await fixture.Gateway.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"public, max-age={seconds}", string.Join(", ", response.Headers.GetValues("Cache-Control")));
        Assert.True(response.Headers.CacheControl!.Public);
        Assert.Equal(TimeSpan.FromSeconds(seconds), response.Headers.CacheControl.MaxAge);
    }

    [Theory]
    [InlineData("/api/festivals/Hellfest")]
    [InlineData("/api/festivals/upcoming?limit=0")]
    [InlineData("/api/bands?reviewed=maybe")]
    public async Task A_validation_error_of_a_cached_endpoint_is_no_store(string path)
    {
        using var response = await fixture.Gateway.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("no-store", string.Join(", ", response.Headers.GetValues("Cache-Control")));
    }

    [Theory]
    [InlineData("/api/festivals/no-such-festival")]
    [InlineData("/api/festivals/hellfest/editions/2025")]
    [InlineData("/api/bands/no-such-band")]
    [InlineData("/api/genres/no-such-genre/bands")]
    [InlineData("/api/roles/no-such-role")]
    public async Task A_not_found_answer_is_cacheable_for_at_most_30_seconds(string path)
    {
        using var response = await fixture.Gateway.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.MaxAge <= TimeSpan.FromSeconds(30), $"{path}: {response.Headers.CacheControl}");
    }

    [Theory]
    [InlineData("POST", "/api/festivals")]
    [InlineData("DELETE", "/api/bands/pod")]
    public async Task A_405_answer_is_not_publicly_cacheable(string method, string path)
    {
        using var response = await fixture.Gateway.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.False(response.Headers.CacheControl?.Public ?? false);
        Assert.Null(response.Headers.CacheControl?.MaxAge);
    }
}
