using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.PublicApi;

/// <summary>Reading the public API through the gateway: bodies as JSON, errors as the seed's envelope, pages joined.</summary>
internal static class GatewayJson
{
    /// <summary>GET a path that must answer 200 with a JSON body; the body's root.</summary>
    public static async Task<JsonElement> GetOkAsync(this HttpClient gateway, string path)
    {
        using var response = await gateway.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// Sends a request that must fail with <paramref name="status"/> and <paramref name="code"/> in the
    /// seed's envelope (requestId a 32-hex trace id, an ISO timestamp, details an object); the error object.
    /// </summary>
    public static async Task<JsonElement> GetErrorAsync(this HttpClient gateway, string path, HttpStatusCode status, string code, HttpMethod? method = null)
    {
        using var response = await gateway.SendAsync(new HttpRequestMessage(method ?? HttpMethod.Get, path));
        if (response.StatusCode != status)
        {
            Assert.Fail($"{method ?? HttpMethod.Get} {path} answered {(int)response.StatusCode}, not {(int)status}: {await response.Content.ReadAsStringAsync()}");
        }
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = await Envelope.ReadAsync(response);
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        Assert.Equal(JsonValueKind.Object, error.GetProperty("details").ValueKind);
        Assert.True(DateTimeOffset.TryParse(error.GetProperty("timestamp").GetString(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _),
            $"timestamp '{error.GetProperty("timestamp")}' is not a date");
        Assert.Matches("^[0-9a-f]{32}$", error.GetProperty("requestId").GetString());
        return error;
    }

    /// <summary>A 400 VALIDATION_ERROR whose <c>details.parameter</c> names <paramref name="parameter"/>.</summary>
    public static async Task<JsonElement> GetValidationErrorAsync(this HttpClient gateway, string path, string parameter)
    {
        var error = await gateway.GetErrorAsync(path, HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.True(error.GetProperty("details").TryGetProperty("parameter", out var named), $"GET {path}: details has no 'parameter': {error}");
        Assert.Equal(parameter, named.GetString());
        Assert.Contains(parameter, error.GetProperty("message").GetString());
        return error;
    }

    /// <summary>Every row of a paginated list, read page after page of <paramref name="limit"/> rows.</summary>
    public static async Task<List<JsonElement>> GetAllPagesAsync(this HttpClient gateway, string path, string rows, int limit)
    {
        var all = new List<JsonElement>();
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        int total;
        do
        {
            var page = await gateway.GetOkAsync($"{path}{separator}limit={limit}&offset={all.Count}");
            total = page.GetProperty("total").GetInt32();
            var pageRows = page.GetProperty(rows).EnumerateArray().ToList();
            Assert.Equal(pageRows.Count, page.GetProperty("count").GetInt32());
            Assert.Equal(limit, page.GetProperty("limit").GetInt32());
            Assert.Equal(all.Count, page.GetProperty("offset").GetInt32());
            Assert.Equal(Math.Min(limit, total - all.Count), pageRows.Count);
            all.AddRange(pageRows);
        }
        while (all.Count < total);
        return all;
    }

    private static readonly ConcurrentDictionary<string, Lazy<Task<List<JsonElement>>>> WholeLists = new();

    /// <summary>
    /// A whole band list (<c>/api/bands</c>, <c>/reviewed</c>, <c>/unreviewed</c>), read once per run in pages of 500
    /// and shared by the tests that compare other answers with it: the data is read-only, and every
    /// page of it makes the service read the whole list partition.
    /// </summary>
    public static async Task<IReadOnlyList<JsonElement>> GetWholeBandListAsync(this HttpClient gateway, string path) =>
        await WholeLists.GetOrAdd(path, p => new Lazy<Task<List<JsonElement>>>(() => gateway.GetAllPagesAsync(p, "bands", 500))).Value;

    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    public static string? StrOrNull(this JsonElement element, string property) =>
        element.GetProperty(property) is { ValueKind: JsonValueKind.Null } ? null : element.GetProperty(property).GetString();

    public static int Int(this JsonElement element, string property) => element.GetProperty(property).GetInt32();

    public static IReadOnlyList<JsonElement> Rows(this JsonElement element, string property) => [.. element.GetProperty(property).EnumerateArray()];

    public static IReadOnlyList<string> Strings(this JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateArray().Select(e => e.GetString()!)];

    public static DateOnly Date(this JsonElement element, string property)
    {
        var text = element.Str(property);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", text);
        return DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }
}
