using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MetalFests.ServiceDefaults.Security;
using MetalFests.Tests.Infrastructure;
using static MetalFests.Tests.AdminApi.Answers;
using static MetalFests.Tests.AdminApi.Given;

namespace MetalFests.Tests.AdminApi;

/// <summary><c>GET /api/admin/audit</c>: every write, newest first, by the id of the key that made it (never the key).</summary>
[Collection(WritesCollection.Name)]
public sealed class AuditTests(WritesFixture fixture)
{
    private readonly HttpClient api = fixture.Gateway;

    [Theory]
    [InlineData(AppFixture.AdminKey, "dev")]
    [InlineData(AppFixture.EditorKey, "editor")]
    public async Task A_write_is_listed_first_with_the_key_id_action_entity_request_and_changed_fields(string apiKey, string keyId)
    {
        var genre = AdminRequests.UniqueKey("genre");
        var createdBy = await TracedAsync(HttpMethod.Post, "/api/admin/genres", new { key = genre, name = "Genre " + genre }, apiKey);
        var created = await LatestAsync();
        var updatedBy = await TracedAsync(HttpMethod.Put, $"/api/admin/genres/{genre}", new { name = "Renamed " + genre, description = "Now described" }, apiKey);
        var updated = await LatestAsync();

        AssertEntry(created, keyId, "create", "genre", genre, createdBy,
            $$"""{ "versionBefore": null, "versionAfter": 1, "nameBefore": null, "nameAfter": "Genre {{genre}}", "changedFields": [] }""");
        AssertEntry(updated, keyId, "update", "genre", genre, updatedBy,
            $$"""{ "versionBefore": 1, "versionAfter": 2, "nameBefore": "Genre {{genre}}", "nameAfter": "Renamed {{genre}}", "changedFields": ["description", "name"] }""");
        Assert.True(DateTimeOffset.Parse((string)updated["at"]!, System.Globalization.CultureInfo.InvariantCulture) >= DateTimeOffset.Parse((string)created["at"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotEqual((string?)created["id"], (string?)updated["id"]);
    }

    [Fact]
    public async Task Each_kind_of_write_is_listed_with_its_action_and_entity()
    {
        var festival = await api.FestivalAsync();
        var band = await api.BandAsync();
        await api.EditionAsync(festival, Year, band);
        await api.AdminPutAsync(EditionPath(festival), AdminRequests.Edition(Year, [])).ExpectAsync(HttpStatusCode.OK);
        await api.AdminDeleteAsync($"/api/admin/festivals/{festival}/editions/{Year}").ExpectAsync(HttpStatusCode.NoContent);
        await api.AdminPutAsync($"/api/admin/festivals/{festival}", AdminRequests.Festival(festival, "Renamed " + festival)).ExpectAsync(HttpStatusCode.OK);
        await api.AdminDeleteAsync($"/api/admin/bands/{band}").ExpectAsync(HttpStatusCode.NoContent);

        var entries = (await AuditAsync("?limit=7"))["entries"]!.AsArray();

        Assert.Equal(
            [
                $"delete band {band}", $"update festival {festival}", $"delete edition {festival}/{Year}", $"replace edition {festival}/{Year}",
                $"create edition {festival}/{Year}", $"create band {band}", $"create festival {festival}",
            ],
            entries.Select(e => $"{(string?)e!["action"]} {(string?)e["entityType"]} {(string?)e["entityKey"]}"));
        Assert.All(entries, e => Assert.Equal("dev", (string?)e!["keyId"]));
    }

    [Fact]
    public async Task A_refused_write_leaves_no_entry()
    {
        var band = await api.BandAsync();
        var before = (string?)(await LatestAsync())["id"];

        await api.AdminPostAsync("/api/admin/bands", AdminRequests.Band(band, "Again")).ExpectErrorAsync(HttpStatusCode.Conflict, "RESOURCE_ALREADY_EXISTS");
        await api.AdminPutAsync($"/api/bands/{band}", AdminRequests.Band(band, "Renamed", genres: [AdminRequests.UniqueKey("no-genre")]))
            .ExpectErrorAsync(HttpStatusCode.UnprocessableEntity, "REFERENTIAL_INTEGRITY_ERROR");
        await api.AdminPutAsync($"/api/bands/{band}", AdminRequests.Band(band, "Renamed"), ifMatch: "\"7\"").ExpectErrorAsync(HttpStatusCode.PreconditionFailed, "PRECONDITION_FAILED");
        await api.AdminDeleteAsync($"/api/admin/bands/{band}", AppFixture.EditorKey).ExpectErrorAsync(HttpStatusCode.Forbidden, "FORBIDDEN");

        Assert.Equal(before, (string?)(await LatestAsync())["id"]);
        Assert.Equal(BandName(band), (string?)(await api.FreshAsync($"/api/bands/{band}"))["band"]!["name"]);
    }

    [Fact]
    public async Task No_api_key_appears_anywhere_in_the_audit()
    {
        await api.AdminPostAsync("/api/admin/genres", new { key = AdminRequests.UniqueKey("genre"), name = "By the admin" }).ExpectAsync(HttpStatusCode.Created);
        await api.AdminPostAsync("/api/admin/genres", new { key = AdminRequests.UniqueKey("genre"), name = "By the editor" }, AppFixture.EditorKey).ExpectAsync(HttpStatusCode.Created);

        var pages = new List<string>();
        string? next = null;
        do
        {
            var page = await AuditAsync(next is null ? "?limit=100" : $"?limit=100&after={Uri.EscapeDataString(next)}");
            pages.Add(page.ToJsonString());
            next = (string?)page["next"];
        }
        while (next is not null && pages.Count < 1000);

        var audit = string.Concat(pages);
        Assert.Contains("\"keyId\":\"editor\"", audit);
        foreach (var secret in new[] { AppFixture.AdminKey, AppFixture.EditorKey, AppFixture.ViewerKey })
        {
            Assert.DoesNotContain(secret, audit, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(ApiKeyAuthenticator.HashOf(secret), audit, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task The_audit_pages_by_limit_and_the_next_cursor_newest_first()
    {
        var genres = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            genres.Add(await api.GenreAsync());
        }

        var first = await AuditAsync("?limit=2");
        var second = await AuditAsync($"?limit=2&after={Uri.EscapeDataString((string)first["next"]!)}");

        var firstEntries = first["entries"]!.AsArray();
        var secondEntries = second["entries"]!.AsArray();
        Assert.Equal(2, firstEntries.Count);
        Assert.Equal(2, secondEntries.Count);
        Assert.Equal([genres[2], genres[1], genres[0]], firstEntries.Concat(secondEntries).Take(3).Select(e => (string?)e!["entityKey"]));
        Assert.Empty(firstEntries.Select(e => (string?)e!["id"]).Intersect(secondEntries.Select(e => (string?)e!["id"])));
        var times = firstEntries.Concat(secondEntries).Select(e => (string)e!["at"]!).ToList();
        Assert.Equal(times.OrderDescending(StringComparer.Ordinal), times);
        Assert.NotNull((string?)second["next"]);
    }

    [Theory]
    [InlineData("limit", "0")]
    [InlineData("limit", "101")]
    [InlineData("limit", "-1")]
    [InlineData("limit", "ten")]
    [InlineData("limit", "")]
    [InlineData("after", "not-a-cursor")]
    public async Task A_bad_limit_or_cursor_is_400_naming_it(string parameter, string value)
    {
        await api.SendAsync(HttpMethod.Get, $"/api/admin/audit?{parameter}={Uri.EscapeDataString(value)}", null, AppFixture.ViewerKey)
            .ExpectInvalidParameterAsync(parameter);
    }

    /// <summary>The audit as the viewer's key reads it.</summary>
    private async Task<JsonNode> AuditAsync(string query = "") =>
        (await api.SendAsync(HttpMethod.Get, "/api/admin/audit" + query, null, AppFixture.ViewerKey).ExpectAsync(HttpStatusCode.OK)).Json;

    private async Task<JsonNode> LatestAsync() => (await AuditAsync("?limit=1"))["entries"]![0]!;

    /// <summary>A successful write sent in a trace of the test's own: its id is the request id the audit must record.</summary>
    private async Task<string> TracedAsync(HttpMethod method, string path, object body, string apiKey)
    {
        using var trace = TestTrace.Start("audit-test-write");
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Add(RequestHeaders.ApiKey, apiKey);
        using var response = await api.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return trace.Id;
    }

    private static void AssertEntry(JsonNode entry, string keyId, string action, string entityType, string entityKey, string requestId, string summary)
    {
        Assert.Equal(
            new[] { keyId, action, entityType, entityKey, requestId },
            new[] { (string?)entry["keyId"], (string?)entry["action"], (string?)entry["entityType"], (string?)entry["entityKey"], (string?)entry["requestId"] });
        AssertJson(summary, entry["summary"]);
        Assert.Matches("^[0-9a-f]{16}$", (string?)entry["id"]);
    }
}
