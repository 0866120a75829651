using System.Net;
using System.Text.Json.Nodes;
using MetalFests.Tests.Infrastructure;
using static MetalFests.Tests.AdminApi.Given;

namespace MetalFests.Tests.AdminApi;

/// <summary>
/// <c>PATCH</c> with a JSON Merge Patch (RFC 7396) changes only the fields it names, where <c>PUT</c> replaces the whole
/// entity: the rest (logo, members, genres) stays; null removes an optional field; the result is validated as a
/// <c>PUT</c> body; <c>If-Match</c>, the audit and the edge's eviction work as for <c>PUT</c>.
/// </summary>
[Collection(WritesCollection.Name)]
public sealed class MergePatchTests(WritesFixture fixture)
{
    private const string Logo = "https://example.com/logo.png";

    private readonly HttpClient api = fixture.Gateway;

    [Theory]
    [InlineData("/api/bands/{0}")]
    [InlineData("/api/admin/bands/{0}")]
    public async Task A_patch_of_one_field_keeps_the_logo_members_and_genres(string path)
    {
        var (band, genre, role) = await FullBandAsync();

        var patched = await api.MergePatchAsync(string.Format(path, band), """{"description": "Only this changes"}""").ExpectAsync(HttpStatusCode.OK);

        var page = await api.FreshAsync($"/api/bands/{band}");
        Assert.Equal("Only this changes", (string?)page["band"]!["description"]);
        Assert.Equal(Logo, (string?)page["band"]!["logo"]);
        Assert.Equal(BandName(band), (string?)page["band"]!["name"]);
        Assert.Equal("Finland", (string?)page["band"]!["country"]);
        Assert.Equal([genre], page["band"]!["genreKeys"]!.AsArray().Select(g => (string)g!));
        Assert.Equal(["Singer"], page["band"]!["members"]!.AsArray().Select(m => (string)m!["name"]!));
        Assert.Equal([role], page["band"]!["members"]![0]!["roleKeys"]!.AsArray().Select(r => (string)r!));
        Assert.Equal("\"2\"", patched.ETag);
    }

    [Fact]
    public async Task A_put_of_the_same_one_field_replaces_the_band_and_loses_the_rest()
    {
        var (band, _, _) = await FullBandAsync();

        await api.AdminPutAsync($"/api/bands/{band}", new { name = BandName(band), description = "Only this is sent" }).ExpectAsync(HttpStatusCode.OK);

        var page = await api.FreshAsync($"/api/bands/{band}");
        Assert.Null(page["band"]!["logo"]);
        Assert.Empty(page["band"]!["members"]!.AsArray());
        Assert.Empty(page["band"]!["genreKeys"]!.AsArray());
    }

    [Fact]
    public async Task Null_removes_an_optional_field()
    {
        var (band, _, _) = await FullBandAsync();

        await api.MergePatchAsync($"/api/bands/{band}", """{"logo": null, "country": null}""").ExpectAsync(HttpStatusCode.OK);

        var page = await api.FreshAsync($"/api/bands/{band}");
        Assert.Null(page["band"]!["logo"]);
        Assert.Null(page["band"]!["country"]);
        Assert.Equal("A test band", (string?)page["band"]!["description"]);
    }

    [Fact]
    public async Task A_required_field_cannot_be_removed()
    {
        var band = await api.BandAsync();

        await api.MergePatchAsync($"/api/bands/{band}", """{"name": null}""").ExpectInvalidFieldAsync("name");

        Assert.Equal(BandName(band), await api.NameAsync("band", band));
    }

    [Theory]
    [InlineData("""{"website": "not a url"}""", "website")]
    [InlineData("""{"genreKeys": ["Not A Key"]}""", "genreKeys[0]")]
    [InlineData("""{"members": [{"roleKeys": []}]}""", "members[0].name")]
    [InlineData("""{"colour": "black"}""", "colour")]
    public async Task A_patch_whose_result_is_invalid_is_a_400_naming_the_field_and_changes_nothing(string patch, string field)
    {
        var (band, _, _) = await FullBandAsync();

        await api.MergePatchAsync($"/api/bands/{band}", patch).ExpectInvalidFieldAsync(field);

        var page = await api.FreshAsync($"/api/bands/{band}");
        Assert.Equal(Logo, (string?)page["band"]!["logo"]);
        Assert.Equal("https://example.com/band", (string?)page["band"]!["website"]);
    }

    [Fact]
    public async Task A_patch_with_a_stale_If_Match_is_a_412_and_changes_nothing()
    {
        var band = await api.BandAsync();
        await api.MergePatchAsync($"/api/bands/{band}", """{"description": "Second"}""", ifMatch: "\"1\"").ExpectAsync(HttpStatusCode.OK);

        await api.MergePatchAsync($"/api/bands/{band}", """{"description": "Third"}""", ifMatch: "\"1\"")
            .ExpectErrorAsync(HttpStatusCode.PreconditionFailed, "PRECONDITION_FAILED");

        Assert.Equal("Second", (string?)(await api.FreshAsync($"/api/bands/{band}"))["band"]!["description"]);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    public async Task A_patch_not_sent_as_merge_patch_json_is_a_415(string mediaType)
    {
        var band = await api.BandAsync();

        var error = await api.MergePatchAsync($"/api/bands/{band}", """{"description": "x"}""", mediaType: mediaType)
            .ExpectErrorAsync(HttpStatusCode.UnsupportedMediaType, "VALIDATION_ERROR");

        Assert.Equal("Content-Type", error.GetProperty("details").GetProperty("field").GetString());
        Assert.Equal("A test band", (string?)(await api.FreshAsync($"/api/bands/{band}"))["band"]!["description"]);
    }

    [Fact]
    public async Task A_patch_of_an_unknown_band_is_a_404()
    {
        await api.MergePatchAsync($"/api/bands/{AdminRequests.UniqueKey("nobody")}", """{"description": "x"}""")
            .ExpectErrorAsync(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task A_patch_is_audited_as_an_update_naming_the_changed_fields()
    {
        var band = await api.BandAsync();

        await api.MergePatchAsync($"/api/bands/{band}", """{"description": "Audited"}""").ExpectAsync(HttpStatusCode.OK);

        var entries = (await api.SendAsync(HttpMethod.Get, "/api/admin/audit?limit=20", null).ExpectAsync(HttpStatusCode.OK)).Json["entries"]!.AsArray();
        var entry = entries.First(e => (string?)e!["entityKey"] == band && (string?)e["action"] == "update")!;
        Assert.Equal("band", (string?)entry["entityType"]);
        Assert.Equal(["description"], entry["summary"]!["changedFields"]!.AsArray().Select(f => (string)f!));
    }

    [Fact]
    public async Task A_patch_evicts_the_band_page_from_the_edge()
    {
        var band = await api.BandAsync();
        var page = $"/api/bands/{band}?probe={Guid.NewGuid():N}";
        Assert.Equal("Miss", await api.CacheStatusAsync(page));
        Assert.Equal("Hit", await api.CacheStatusAsync(page));

        await api.MergePatchAsync($"/api/bands/{band}", """{"description": "Evicted"}""").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("Miss", await api.CacheStatusAsync(page));
    }

    [Fact]
    public async Task Genres_and_roles_are_patched_field_by_field()
    {
        var genre = await api.GenreAsync();
        var role = await api.RoleAsync("percussion");

        await api.MergePatchAsync($"/api/admin/genres/{genre}", """{"description": "Patched genre"}""").ExpectAsync(HttpStatusCode.OK);
        await api.MergePatchAsync($"/api/admin/roles/{role}", """{"description": "Patched role"}""").ExpectAsync(HttpStatusCode.OK);
        await api.MergePatchAsync($"/api/admin/roles/{role}", """{"category": null}""").ExpectInvalidFieldAsync("category");

        var genrePage = (await api.FreshAsync($"/api/genres/{genre}"))["genre"]!;
        Assert.Equal(("Genre " + genre, "Patched genre"), ((string?)genrePage["name"], (string?)genrePage["description"]));
        var rolePage = (await api.FreshAsync($"/api/roles/{role}"))["role"]!;
        Assert.Equal(("Role " + role, "percussion", "Patched role"), ((string?)rolePage["name"], (string?)rolePage["category"], (string?)rolePage["description"]));
    }

    private async Task<(string Band, string Genre, string Role)> FullBandAsync()
    {
        var genre = await api.GenreAsync();
        var role = await api.RoleAsync();
        var band = AdminRequests.UniqueKey("band");
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(
            AdminRequests.Band(band, BandName(band), [genre], [("Singer", [role])]), new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)))!;
        body["logo"] = Logo;
        await api.AdminPostAsync("/api/admin/bands", body.ToJsonString()).ExpectAsync(HttpStatusCode.Created);
        return (band, genre, role);
    }
}
