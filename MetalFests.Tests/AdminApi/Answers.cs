using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.AdminApi;

/// <summary>A response as the admin tests look at it: its JSON body (null when empty) and the headers a write sets.</summary>
internal sealed record Answer(JsonNode? Body, string? ETag, string? Location)
{
    public JsonNode Json => Body ?? throw new InvalidOperationException("The response had no body");
}

/// <summary>What the admin tests expect of a response, and how they read the public API to see what a write did.</summary>
internal static class Answers
{
    /// <summary>The response must have <paramref name="status"/>; its body and write headers.</summary>
    public static async Task<Answer> ExpectAsync(this Task<HttpResponseMessage> pending, HttpStatusCode status)
    {
        using var response = await pending;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} answered {(int)response.StatusCode}, not {(int)status}: {text}");
        return new Answer(text.Length == 0 ? null : JsonNode.Parse(text), response.Headers.ETag?.ToString(), response.Headers.Location?.OriginalString);
    }

    /// <summary>The response must be the seed's error envelope with <paramref name="status"/> and <paramref name="code"/>; its <c>error</c> object.</summary>
    public static async Task<JsonElement> ExpectErrorAsync(this Task<HttpResponseMessage> pending, HttpStatusCode status, string code)
    {
        using var response = await pending;
        if (response.StatusCode != status)
        {
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} answered {(int)response.StatusCode}, not {(int)status}: {await response.Content.ReadAsStringAsync()}");
        }
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = await Envelope.ReadAsync(response);
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        Assert.Equal(JsonValueKind.Object, error.GetProperty("details").ValueKind);
        Assert.Matches("^[0-9a-f]{32}$", error.GetProperty("requestId").GetString());
        return error;
    }

    /// <summary>A 400 <c>VALIDATION_ERROR</c> naming <paramref name="field"/>, and only it, in <c>details.field</c> and <c>details.fields</c>.</summary>
    public static async Task<JsonElement> ExpectInvalidFieldAsync(this Task<HttpResponseMessage> pending, string field)
    {
        var error = await pending.ExpectErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        var details = error.GetProperty("details");
        Assert.Equal(field, details.GetProperty("field").GetString());
        Assert.Equal([field], details.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("field").GetString()));
        Assert.Contains($"'{field}'", error.GetProperty("message").GetString());
        return error;
    }

    /// <summary>A 400 <c>VALIDATION_ERROR</c> naming the path or query <paramref name="parameter"/> in <c>details.parameter</c>.</summary>
    public static async Task<JsonElement> ExpectInvalidParameterAsync(this Task<HttpResponseMessage> pending, string parameter)
    {
        var error = await pending.ExpectErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Equal(parameter, error.GetProperty("details").GetProperty("parameter").GetString());
        return error;
    }

    /// <summary>The error's <c>details</c> name the entity the write was refused on.</summary>
    public static void AssertRefused(this JsonElement error, string resource, string key)
    {
        var details = error.GetProperty("details");
        Assert.Equal(resource, details.GetProperty("resource").GetString());
        Assert.Equal(key, details.GetProperty("key").GetString());
    }

    /// <summary>A fresh GET (past the edge cache) that must be 404 <c>RESOURCE_NOT_FOUND</c>.</summary>
    public static Task<JsonElement> ExpectNotFoundAsync(this HttpClient api, string path) =>
        api.GetAsync(Fresh(path)).ExpectErrorAsync(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");

    /// <summary>A fresh GET with its headers (for the ETag).</summary>
    public static Task<Answer> ReadAsync(this HttpClient api, string path) => api.GetAsync(Fresh(path)).ExpectAsync(HttpStatusCode.OK);

    /// <summary>
    /// GETs public pages as a client would (no key, so the edge cache keeps them): a test primes the pages a
    /// write will change, so that reading them again afterwards also proves the write evicted them.
    /// </summary>
    public static async Task PrimeAsync(this HttpClient api, params string[] paths)
    {
        foreach (var path in paths)
        {
            await api.GetAsync(path).ExpectAsync(HttpStatusCode.OK);
        }
    }

    /// <summary>A public page twice: through the edge cache (as <see cref="PrimeAsync"/> left it) and fresh from the service.</summary>
    public static async Task<JsonNode[]> CachedAndFreshAsync(this HttpClient api, string path) =>
        [(await api.GetAsync(path).ExpectAsync(HttpStatusCode.OK)).Json, await api.FreshAsync(path)];

    /// <summary>The row of <c>/api/bands?q=</c> of a band <see cref="Given"/> created (its name holds its key).</summary>
    public static async Task<JsonNode> BandRowAsync(this HttpClient api, string band, string list = "/api/bands") =>
        Assert.Single((await BandRowsAsync(api, band, list)));

    public static async Task<List<JsonNode>> BandRowsAsync(this HttpClient api, string band, string list = "/api/bands") =>
        [.. (await api.FreshAsync($"{list}?q={band}"))["bands"]!.AsArray().Select(r => r!).Where(r => (string?)r["key"] == band)];

    public static async Task<int> FestivalCountAsync(this HttpClient api, string band) => (int)(await api.BandRowAsync(band))["festivalCount"]!;

    public static async Task<int[]> FestivalCountsAsync(this HttpClient api, params string[] bands)
    {
        var counts = new int[bands.Length];
        for (var i = 0; i < bands.Length; i++)
        {
            counts[i] = await api.FestivalCountAsync(bands[i]);
        }
        return counts;
    }

    /// <summary>The editions <c>/api/bands/{key}/festivals</c> lists, as "festival/year".</summary>
    public static async Task<List<string>> AppearancesAsync(this HttpClient api, string band) =>
        [.. (await api.FreshAsync($"/api/bands/{band}/festivals"))["festivals"]!.AsArray().Select(f => $"{(string?)f!["festivalKey"]}/{(int)f["year"]!}")];

    /// <summary>The row of <c>/api/festivals</c> of a festival <see cref="Given"/> created (its name holds its key).</summary>
    public static async Task<JsonNode> FestivalRowAsync(this HttpClient api, string festival) =>
        Assert.Single((await api.FreshAsync($"/api/festivals?q={festival}"))["festivals"]!.AsArray(), r => (string?)r!["festivalKey"] == festival)!;

    public static async Task<int> BandCountAsync(this HttpClient api, string genre) => (int)(await api.FreshAsync($"/api/genres/{genre}"))["genre"]!["bandCount"]!;

    public static async Task<int> BandMemberCountAsync(this HttpClient api, string role) => (int)(await api.FreshAsync($"/api/roles/{role}"))["role"]!["bandMemberCount"]!;

    /// <summary>A write's <c>cacheInvalidation</c>: in progress, naming <paramref name="paths"/> (among others), under an id the gateway reports on.</summary>
    public static async Task AssertInvalidationAsync(this HttpClient api, JsonNode invalidation, params string[] paths)
    {
        Assert.Equal("InProgress", (string?)invalidation["status"]);
        Assert.Superset(paths.ToHashSet(), invalidation["paths"]!.AsArray().Select(p => (string)p!).ToHashSet());
        var id = (string)invalidation["invalidationId"]!;
        var status = await api.SendAsync(HttpMethod.Get, $"/api/admin/cache/status?id={id}", null, AppFixture.ViewerKey).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(id, (string?)status.Json["invalidationId"]);
    }

    /// <summary><paramref name="actual"/> is exactly the JSON <paramref name="expected"/>.</summary>
    public static void AssertJson(string expected, JsonNode? actual)
    {
        var wanted = JsonNode.Parse(expected);
        Assert.True(JsonNode.DeepEquals(wanted, actual), $"expected {wanted?.ToJsonString()}, got {actual?.ToJsonString()}");
    }

    public static void AssertJson(string expected, JsonElement actual) => AssertJson(expected, JsonNode.Parse(actual.GetRawText()));

    public static string Fresh(string path) => $"{path}{(path.Contains('?') ? '&' : '?')}fresh={Guid.NewGuid():N}";
}
