using System.Net;
using System.Text.Json;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.Platform;

[Collection(AppCollection.Name)]
public sealed class UnknownPathTests(AppFixture fixture)
{
    [Theory]
    [InlineData("GET", "/api/nothing-here")]
    [InlineData("POST", "/api/concerts/1")]
    [InlineData("DELETE", "/api")]
    [InlineData("GET", "/not-an-api-path")]
    public async Task An_unknown_path_answers_404_in_the_seed_error_envelope(string method, string path)
    {
        using var response = await fixture.Gateway.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = await Envelope.ReadAsync(response);
        Assert.Equal("RESOURCE_NOT_FOUND", error.GetProperty("code").GetString());
        Assert.Contains(path, error.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Object, error.GetProperty("details").ValueKind);
        Assert.True(DateTime.TryParse(error.GetProperty("timestamp").GetString(), out _));
        Assert.Matches("^[0-9a-f]{32}$", error.GetProperty("requestId").GetString());
    }
}
