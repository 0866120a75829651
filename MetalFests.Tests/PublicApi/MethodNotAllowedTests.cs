using System.Net;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.PublicApi;

/// <summary>Another method than GET on a public read route: 405 METHOD_NOT_ALLOWED in the seed's envelope, <c>Allow: GET</c>.</summary>
[Collection(AppCollection.Name)]
public sealed class MethodNotAllowedTests(AppFixture fixture)
{
    [Theory]
    [InlineData("POST", "/api/festivals")]
    [InlineData("DELETE", "/api/festivals/hellfest")]
    [InlineData("PUT", "/api/festivals/hellfest/editions")]
    [InlineData("POST", "/api/festivals/hellfest/editions/2026")]
    [InlineData("DELETE", "/api/festivals/upcoming")]
    [InlineData("POST", "/api/bands")]
    [InlineData("PUT", "/api/bands/pod")]
    [InlineData("DELETE", "/api/bands/pod")]
    [InlineData("PATCH", "/api/bands/pod/festivals")]
    [InlineData("POST", "/api/bands/reviewed")]
    [InlineData("POST", "/api/genres")]
    [InlineData("DELETE", "/api/genres/nu-metal")]
    [InlineData("PUT", "/api/genres/nu-metal/bands")]
    [InlineData("POST", "/api/roles")]
    [InlineData("DELETE", "/api/roles/vocals")]
    [InlineData("PATCH", "/api/roles/vocals/members")]
    public async Task A_write_method_on_a_read_route_is_a_405_naming_the_method(string method, string path)
    {
        using var response = await fixture.Gateway.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow.Order());

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
