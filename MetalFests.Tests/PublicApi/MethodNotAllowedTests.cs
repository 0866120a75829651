using System.Net;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.PublicApi;

/// <summary>
/// A method a public route does not serve: 405 METHOD_NOT_ALLOWED in the seed's envelope, <c>Allow</c> naming
/// those it does (GET and HEAD; the seed's two write routes also PUT).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class MethodNotAllowedTests(AppFixture fixture)
{
    [Theory]
    [InlineData("POST", "/api/festivals", "GET HEAD")]
    [InlineData("DELETE", "/api/festivals/hellfest", "GET HEAD")]
    [InlineData("PUT", "/api/festivals/hellfest/editions", "GET HEAD")]
    [InlineData("POST", "/api/festivals/hellfest/editions/2026", "GET HEAD PATCH PUT")]
    [InlineData("DELETE", "/api/festivals/upcoming", "GET HEAD")]
    [InlineData("POST", "/api/bands", "GET HEAD")]
    [InlineData("POST", "/api/bands/pod", "GET HEAD PATCH PUT")]
    [InlineData("DELETE", "/api/bands/pod", "GET HEAD PATCH PUT")]
    [InlineData("PATCH", "/api/bands/pod/festivals", "GET HEAD")]
    [InlineData("POST", "/api/bands/reviewed", "GET HEAD PATCH PUT")]
    [InlineData("POST", "/api/genres", "GET HEAD")]
    [InlineData("DELETE", "/api/genres/nu-metal", "GET HEAD")]
    [InlineData("PUT", "/api/genres/nu-metal/bands", "GET HEAD")]
    [InlineData("POST", "/api/roles", "GET HEAD")]
    [InlineData("DELETE", "/api/roles/vocals", "GET HEAD")]
    [InlineData("PATCH", "/api/roles/vocals/members", "GET HEAD")]
    public async Task A_method_the_route_does_not_serve_is_a_405_naming_the_method(string method, string path, string allowed)
    {
        using var response = await fixture.Gateway.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(allowed.Split(' '), response.Content.Headers.Allow.Order());

        var error = await fixture.Gateway.GetErrorAsync(path, HttpStatusCode.MethodNotAllowed, "METHOD_NOT_ALLOWED", new HttpMethod(method));

        Assert.Equal(method, error.GetProperty("details").Str("method"));
        Assert.Contains(path, error.Str("message"));
    }

    [Theory]
    [InlineData("/api/genres", 3600)]
    [InlineData("/api/festivals/hellfest", 1800)]
    [InlineData("/api/bands/pod/festivals", 600)]
    public async Task HEAD_on_a_read_route_answers_like_GET_without_a_body(string path, int seconds)
    {
        using var response = await fixture.Gateway.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"public, max-age={seconds}", string.Join(", ", response.Headers.GetValues("Cache-Control")));
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }
}
