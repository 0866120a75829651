using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using MetalFests.Tests.Infrastructure;
using static MetalFests.Tests.AdminApi.Given;

namespace MetalFests.Tests.AdminApi;

/// <summary>
/// <c>PATCH</c> with a JSON Merge Patch (RFC 7396) on festivals and editions changes only the fields it names: a festival
/// keeps its coordinates, website and poster, an edition its line-up; null removes an optional field; the result is
/// validated as a <c>PUT</c> body; <c>If-Match</c>, the audit and the edge's eviction work as for <c>PUT</c>.
/// </summary>
[Collection(WritesCollection.Name)]
public sealed class FestivalMergePatchTests(WritesFixture fixture)
{
    private const string Poster = "https://example.com/poster.png";

    private readonly HttpClient api = fixture.Gateway;

    [Fact]
    public async Task A_patch_of_one_festival_field_keeps_its_coordinates_website_and_poster()
    {
        var festival = await FullFestivalAsync();

        var patched = await api.MergePatchAsync($"/api/admin/festivals/{festival}", """{"description": "Only this changes"}""").ExpectAsync(HttpStatusCode.OK);

        var page = (await api.FreshAsync($"/api/festivals/{festival}"))["festival"]!;
        Assert.Equal("Only this changes", (string?)page["description"]);
        Assert.Equal(FestivalName(festival), (string?)page["name"]);
        Assert.Equal("Clisson, France", (string?)page["location"]);
        Assert.Equal((47.09, -1.27), ((double)page["coordinates"]!["lat"]!, (double)page["coordinates"]!["lng"]!));
        Assert.Equal("https://example.com", (string?)page["website"]);
        Assert.Equal(Poster, (string?)page["poster"]);
        Assert.Equal("\"2\"", patched.ETag);
    }

    [Theory]
    [InlineData("/api/festivals/{0}/editions/{1}")]
    [InlineData("/api/admin/festivals/{0}/editions/{1}")]
    public async Task A_patch_of_an_edition_ticket_price_keeps_its_line_up(string path)
    {
        var festival = await api.FestivalAsync();
        var bands = await api.BandsAsync(2);
        await api.EditionAsync(festival, Year, bands);

        await api.MergePatchAsync(string.Format(path, festival, Year), """{"ticketPrice": 249.99}""").ExpectAsync(HttpStatusCode.OK);

        var edition = (await api.FreshAsync(EditionPath(festival)))["edition"]!;
        Assert.Equal(249.99m, (decimal)edition["ticketPrice"]!);
        Assert.Equal(bands, edition["bands"]!.AsArray().Select(b => (string)b!["key"]!));
        Assert.Equal(bands.Select(BandName), edition["bands"]!.AsArray().Select(b => (string)b!["name"]!));
        Assert.Equal(($"{Year}-06-17", $"{Year}-06-20"), ((string?)edition["dates"]!["start"], (string?)edition["dates"]!["end"]));
        Assert.Equal(("EUR", "announced"), ((string?)edition["currency"], (string?)edition["status"]));
    }

    [Fact]
    public async Task Null_removes_an_optional_field_of_a_festival_and_of_an_edition()
    {
        var festival = await FullFestivalAsync();
        await api.EditionAsync(festival, Year, await api.BandAsync());

        await api.MergePatchAsync($"/api/admin/festivals/{festival}", """{"poster": null, "coordinates": null}""").ExpectAsync(HttpStatusCode.OK);
        await api.MergePatchAsync(EditionPath(festival), """{"ticketPrice": null}""").ExpectAsync(HttpStatusCode.OK);

        var page = (await api.FreshAsync($"/api/festivals/{festival}"))["festival"]!;
        Assert.Null(page["poster"]);
        Assert.Null(page["coordinates"]);
        Assert.Equal("https://example.com", (string?)page["website"]);
        Assert.Null((await api.FreshAsync(EditionPath(festival)))["edition"]!["ticketPrice"]);
    }

    [Theory]
    [InlineData("""{"name": null}""", "name")]
    [InlineData("""{"location": "Nowhere"}""", "location")]
    [InlineData("""{"coordinates": {"lat": 91}}""", "coordinates.lat")]
    [InlineData("""{"website": "not a url"}""", "website")]
    [InlineData("""{"colour": "black"}""", "colour")]
    public async Task A_festival_patch_whose_result_is_invalid_is_a_400_naming_the_field_and_changes_nothing(string patch, string field)
    {
        var festival = await FullFestivalAsync();

        await api.MergePatchAsync($"/api/admin/festivals/{festival}", patch).ExpectInvalidFieldAsync(field);

        var page = (await api.FreshAsync($"/api/festivals/{festival}"))["festival"]!;
        Assert.Equal(Poster, (string?)page["poster"]);
        Assert.Equal("https://example.com", (string?)page["website"]);
    }

    [Theory]
    [InlineData("""{"dates": {"end": "2029-01-01"}}""", "dates.end")]
    [InlineData("""{"ticketPrice": -1}""", "ticketPrice")]
    [InlineData("""{"bands": null}""", "bands")]
    [InlineData("""{"status": "postponed"}""", "status")]
    public async Task An_edition_patch_whose_result_is_invalid_is_a_400_naming_the_field_and_changes_nothing(string patch, string field)
    {
        var festival = await api.FestivalAsync();
        var band = await api.BandAsync();
        await api.EditionAsync(festival, Year, band);

        await api.MergePatchAsync(EditionPath(festival), patch).ExpectInvalidFieldAsync(field);

        var edition = (await api.FreshAsync(EditionPath(festival)))["edition"]!;
        Assert.Equal([band], edition["bands"]!.AsArray().Select(b => (string)b!["key"]!));
        Assert.Equal(199.5m, (decimal)edition["ticketPrice"]!);
    }

    [Fact]
    public async Task A_patch_with_a_stale_If_Match_is_a_412_and_changes_nothing()
    {
        var festival = await api.FestivalAsync();
        await api.EditionAsync(festival, Year, await api.BandAsync());
        await api.MergePatchAsync($"/api/admin/festivals/{festival}", """{"description": "Second"}""", ifMatch: "\"1\"").ExpectAsync(HttpStatusCode.OK);
        await api.MergePatchAsync(EditionPath(festival), """{"status": "confirmed"}""", ifMatch: "\"1\"").ExpectAsync(HttpStatusCode.OK);

        await api.MergePatchAsync($"/api/admin/festivals/{festival}", """{"description": "Third"}""", ifMatch: "\"1\"")
            .ExpectErrorAsync(HttpStatusCode.PreconditionFailed, "PRECONDITION_FAILED");
        await api.MergePatchAsync(EditionPath(festival), """{"status": "cancelled"}""", ifMatch: "\"1\"")
            .ExpectErrorAsync(HttpStatusCode.PreconditionFailed, "PRECONDITION_FAILED");

        Assert.Equal("Second", (string?)(await api.FreshAsync($"/api/festivals/{festival}"))["festival"]!["description"]);
        Assert.Equal("confirmed", (string?)(await api.FreshAsync(EditionPath(festival)))["edition"]!["status"]);
    }

    [Theory]
    [InlineData("/api/admin/festivals/{0}", "application/json")]
    [InlineData("/api/festivals/{0}/editions/2030", "text/plain")]
    public async Task A_patch_not_sent_as_merge_patch_json_is_a_415(string path, string mediaType)
    {
        var festival = await api.FestivalAsync();
        await api.EditionAsync(festival, Year, await api.BandAsync());

        var error = await api.MergePatchAsync(string.Format(path, festival), """{"description": "x"}""", mediaType: mediaType)
            .ExpectErrorAsync(HttpStatusCode.UnsupportedMediaType, "VALIDATION_ERROR");

        Assert.Equal("Content-Type", error.GetProperty("details").GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_patch_of_an_unknown_festival_or_edition_is_a_404_and_creates_nothing()
    {
        var festival = await api.FestivalAsync();

        await api.MergePatchAsync($"/api/admin/festivals/{AdminRequests.UniqueKey("nofest")}", """{"description": "x"}""")
            .ExpectErrorAsync(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
        await api.MergePatchAsync(EditionPath(festival), """{"ticketPrice": 10}""")
            .ExpectErrorAsync(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");

        await api.ExpectNotFoundAsync(EditionPath(festival));
    }

    [Fact]
    public async Task A_festival_patch_is_audited_as_an_update_naming_the_changed_fields()
    {
        var festival = await FullFestivalAsync();

        await api.MergePatchAsync($"/api/admin/festivals/{festival}", """{"website": "https://example.com/audited"}""").ExpectAsync(HttpStatusCode.OK);

        var entries = (await api.SendAsync(HttpMethod.Get, "/api/admin/audit?limit=20", null).ExpectAsync(HttpStatusCode.OK)).Json["entries"]!.AsArray();
        var entry = entries.First(e => (string?)e!["entityKey"] == festival && (string?)e["action"] == "update")!;
        Assert.Equal("festival", (string?)entry["entityType"]);
        Assert.Equal(["website"], entry["summary"]!["changedFields"]!.AsArray().Select(f => (string)f!));
    }

    [Fact]
    public async Task A_patch_evicts_the_festival_page_from_the_edge()
    {
        var festival = await api.FestivalAsync();
        await api.EditionAsync(festival, Year, await api.BandAsync());
        var page = $"/api/festivals/{festival}?probe={Guid.NewGuid():N}";

        foreach (var patch in new[] { ($"/api/admin/festivals/{festival}", """{"description": "Evicted"}"""), (EditionPath(festival), """{"ticketPrice": 99}""") })
        {
            Assert.Equal("Miss", await api.CacheStatusAsync(page));
            Assert.Equal("Hit", await api.CacheStatusAsync(page));

            await api.MergePatchAsync(patch.Item1, patch.Item2).ExpectAsync(HttpStatusCode.OK);
        }

        Assert.Equal("Miss", await api.CacheStatusAsync(page));
    }

    private async Task<string> FullFestivalAsync()
    {
        var festival = AdminRequests.UniqueKey("fest");
        var body = JsonNode.Parse(JsonSerializer.Serialize(AdminRequests.Festival(festival, FestivalName(festival)), new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;
        body["poster"] = Poster;
        await api.AdminPostAsync("/api/admin/festivals", body.ToJsonString()).ExpectAsync(HttpStatusCode.Created);
        return festival;
    }
}
