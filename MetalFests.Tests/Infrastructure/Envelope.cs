using System.Text.Json;

namespace MetalFests.Tests.Infrastructure;

public static class Envelope
{
    /// <summary>The <c>error</c> object of the seed's envelope; fails if the body is not one.</summary>
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        Assert.Equal(["error"], root.EnumerateObject().Select(p => p.Name));
        var error = root.GetProperty("error").Clone();
        Assert.Equal(["code", "message", "details", "timestamp", "requestId"], error.EnumerateObject().Select(p => p.Name));
        return error;
    }
}
