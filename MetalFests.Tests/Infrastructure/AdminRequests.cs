using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MetalFests.ServiceDefaults.Security;

namespace MetalFests.Tests.Infrastructure;

/// <summary>Write requests as an editor's script sends them: JSON body, <c>X-Api-Key</c>, optional <c>If-Match</c>.</summary>
public static class AdminRequests
{
    public static Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string path, object? body,
        string? key = AppFixture.AdminKey, string? ifMatch = null, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            var json = body as string ?? JsonSerializer.Serialize(body, Json);
            request.Content = new StringContent(json, Encoding.UTF8, contentType);
        }
        if (key is not null)
        {
            request.Headers.Add(RequestHeaders.ApiKey, key);
        }
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(ifMatch == "*" ? EntityTagHeaderValue.Any : EntityTagHeaderValue.Parse(ifMatch));
        }
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> AdminPutAsync(this HttpClient client, string path, object body, string? key = AppFixture.AdminKey, string? ifMatch = null) =>
        client.SendAsync(HttpMethod.Put, path, body, key, ifMatch);

    public static Task<HttpResponseMessage> AdminPostAsync(this HttpClient client, string path, object body, string? key = AppFixture.AdminKey) =>
        client.SendAsync(HttpMethod.Post, path, body, key);

    public static Task<HttpResponseMessage> AdminDeleteAsync(this HttpClient client, string path, string? key = AppFixture.AdminKey, string? ifMatch = null) =>
        client.SendAsync(HttpMethod.Delete, path, null, key, ifMatch);

    /// <summary>A <c>PATCH</c> with a JSON Merge Patch body (<paramref name="mediaType"/> to send it as something else).</summary>
    public static Task<HttpResponseMessage> MergePatchAsync(this HttpClient client, string path, string patch,
        string? key = AppFixture.AdminKey, string? ifMatch = null, string mediaType = "application/merge-patch+json")
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, path) { Content = new StringContent(patch, Encoding.UTF8, mediaType) };
        if (key is not null)
        {
            request.Headers.Add(RequestHeaders.ApiKey, key);
        }
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }
        return client.SendAsync(request);
    }

    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    /// <summary>A GET through the gateway that bypasses its cache (a query no one else uses).</summary>
    public static async Task<JsonNode> FreshAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync($"{path}{(path.Contains('?') ? '&' : '?')}fresh={Guid.NewGuid():N}");
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    /// <summary>A key no test shares, for the entities a test creates.</summary>
    public static string UniqueKey(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Bodies of the write endpoints, as editors send them.
    public static object Festival(string? key, string name = "Test Fest", string location = "Clisson, France") =>
        new { key, name, location, coordinates = new { lat = 47.09, lng = -1.27 }, website = "https://example.com", description = "A test festival" };

    public static object Edition(int year, IEnumerable<string> bands, string status = "announced", int size = 1) => new
    {
        dates = new { start = $"{year}-06-17", end = $"{year}-06-20" },
        bands = bands.Select(b => new { key = b, size }).ToArray(),
        ticketPrice = 199.5m,
        currency = "EUR",
        status,
    };

    public static object Band(string? key, string name, string[]? genres = null, (string Name, string[] Roles)[]? members = null, bool reviewed = false, string? description = null) => new
    {
        key,
        name,
        country = "Finland",
        description = description ?? "A test band",
        website = "https://example.com/band",
        genreKeys = genres ?? [],
        members = (members ?? []).Select(m => new { name = m.Name, roleKeys = m.Roles }).ToArray(),
        reviewed,
    };
}
