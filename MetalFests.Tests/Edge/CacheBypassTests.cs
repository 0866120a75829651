using MetalFests.ServiceDefaults.Security;
using static MetalFests.Tests.Edge.EdgeOverFakeOrigin;

namespace MetalFests.Tests.Edge;

/// <summary>Only a valid API key bypasses the cache; a junk one is served like an anonymous request.</summary>
public sealed class CacheBypassTests
{
    private const string ValidKey = "a-valid-key-of-the-bypass-tests-0123456789";

    [Fact]
    public async Task A_junk_key_is_served_from_the_cache_and_only_a_valid_key_reaches_the_service()
    {
        await using var edge = await StartAsync(("ApiKeys:0:Id", "tester"), ("ApiKeys:0:Hash", ApiKeyAuthenticator.HashOf(ValidKey)), ("ApiKeys:0:Permission", "Read"));
        (await edge.Client.GetAsync("/api/genres")).Dispose();

        using var junk = await SendAsync(edge, "junk-key");
        using var valid = await SendAsync(edge, ValidKey);

        Assert.Equal("Hit", CacheStatus(junk));
        Assert.Null(CacheStatus(valid));
        Assert.Equal(2, edge.Origin.Reads.Count);
    }

    private static Task<HttpResponseMessage> SendAsync(EdgeOverFakeOrigin edge, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/genres");
        request.Headers.Add(RequestHeaders.ApiKey, key);
        return edge.Client.SendAsync(request);
    }
}
