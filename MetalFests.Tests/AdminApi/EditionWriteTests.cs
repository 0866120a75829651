using System.Net;
using System.Text.Json.Nodes;
using MetalFests.Tests.Infrastructure;
using static MetalFests.Tests.AdminApi.Answers;
using static MetalFests.Tests.AdminApi.Given;

namespace MetalFests.Tests.AdminApi;

/// <summary>
/// <c>PUT /api/festivals/{key}/editions/{year}</c> (the seed's example 3) and its admin twin, <c>DELETE
/// /api/admin/festivals/{key}/editions/{year}</c>: the edition, its festival's list row and its bands' counts move together.
/// </summary>
[Collection(WritesCollection.Name)]
public sealed class EditionWriteTests(WritesFixture fixture)
{
    private readonly HttpClient api = fixture.Gateway;

    [Fact]
    public async Task Creating_an_edition_as_in_seed_example_3_is_201_with_the_stored_edition_ETag_1_and_its_location()
    {
        var festival = await api.FestivalAsync();
        // The seed's example 3 on a festival of the test's own. The line-up's names are not stored: each band's own name is.
        const string body = """
            {
              "dates": { "start": "2027-06-17", "end": "2027-06-20" },
              "bands": [
                { "key": "metallica", "name": "Metallica", "size": 0 },
                { "key": "iron-maiden", "name": "Maiden, as the poster spells it", "size": 0 }
              ],
              "ticketPrice": 269.00,
              "currency": "EUR",
              "status": "announced"
            }
            """;
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);

        var answer = await api.AdminPutAsync(EditionPath(festival, 2027), body).ExpectAsync(HttpStatusCode.Created);

        Assert.Equal("\"1\"", answer.ETag);
        Assert.Equal(EditionPath(festival, 2027), answer.Location);
        var json = answer.Json;
        Assert.True((bool)json["success"]!);
        var edition = json["edition"]!;
        Assert.Equal(festival, (string?)edition["festivalKey"]);
        Assert.Equal(2027, (int)edition["year"]!);
        AssertJson("""{ "start": "2027-06-17", "end": "2027-06-20" }""", edition["dates"]);
        const string lineup = """[{ "key": "metallica", "name": "Metallica", "size": 0 }, { "key": "iron-maiden", "name": "Iron Maiden", "size": 0 }]""";
        AssertJson(lineup, edition["bands"]);
        Assert.Equal(269.00m, (decimal)edition["ticketPrice"]!);
        Assert.Equal("EUR", (string?)edition["currency"]);
        Assert.Equal("announced", (string?)edition["status"]);
        var createdAt = DateTimeOffset.Parse((string)edition["createdAt"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(createdAt, before, DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.Equal((string?)edition["createdAt"], (string?)edition["updatedAt"]);
        Assert.Equal(1, (long)edition["version"]!);
        AssertJson("""{ "valid": true, "invalidBands": [] }""", json["bandValidation"]);
        await api.AssertInvalidationAsync(json["cacheInvalidation"]!, "/api/festivals", $"/api/festivals/{festival}/*");

        var stored = (await api.FreshAsync(EditionPath(festival, 2027)))["edition"]!;
        Assert.Equal(FestivalName(festival), (string?)stored["festivalName"]);
        AssertJson(lineup, stored["bands"]);
        Assert.Equal(269.00m, (decimal)stored["ticketPrice"]!);
    }

    [Fact]
    public async Task The_admin_path_creates_and_replaces_an_edition_as_the_seed_path_does()
    {
        var festival = await api.FestivalAsync();
        var band = await api.BandAsync();
        var path = $"/api/admin/festivals/{festival}/editions/{Year}";

        var created = await api.AdminPutAsync(path, AdminRequests.Edition(Year, [band])).ExpectAsync(HttpStatusCode.Created);
        var replaced = await api.AdminPutAsync(path, AdminRequests.Edition(Year, [band], status: "confirmed")).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("\"1\"", created.ETag);
        Assert.Equal(EditionPath(festival), created.Location);
        Assert.Equal("\"2\"", replaced.ETag);
        Assert.Null(replaced.Location);
        Assert.Equal("confirmed", (string?)replaced.Json["edition"]!["status"]);
        Assert.Equal(2, (long)replaced.Json["edition"]!["version"]!);
        var stored = (await api.FreshAsync(EditionPath(festival)))["edition"]!;
        Assert.Equal("confirmed", (string?)stored["status"]);
        Assert.Equal([band], stored["bands"]!.AsArray().Select(b => (string?)b!["key"]));
        Assert.Equal(1, await api.FestivalCountAsync(band));
    }

    [Fact]
    public async Task Replacing_an_edition_is_200_and_moves_festivalCount_from_removed_to_added_bands()
    {
        var festival = await api.FestivalAsync();
        var (kept, removed, added) = await ThreeBandsAsync();
        var created = (await api.EditionAsync(festival, Year, kept, removed)).Json["edition"]!;
        Assert.Equal(new[] { 1, 1, 0 }, await api.FestivalCountsAsync(kept, removed, added));

        var answer = await api.AdminPutAsync(EditionPath(festival), AdminRequests.Edition(Year, [kept, added])).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("\"2\"", answer.ETag);
        var edition = answer.Json["edition"]!;
        Assert.Equal(2, (long)edition["version"]!);
        Assert.Equal((string?)created["createdAt"], (string?)edition["createdAt"]);
        Assert.True(string.CompareOrdinal((string?)edition["updatedAt"], (string?)created["updatedAt"]) >= 0);
        Assert.Equal([BandName(kept), BandName(added)], edition["bands"]!.AsArray().Select(b => (string?)b!["name"]));
        AssertJson("""{ "valid": true, "invalidBands": [] }""", answer.Json["bandValidation"]);
        Assert.Equal(new[] { 1, 0, 1 }, await api.FestivalCountsAsync(kept, removed, added));
        Assert.Equal([$"{festival}/{Year}"], await api.AppearancesAsync(kept));
        Assert.Empty(await api.AppearancesAsync(removed));
        Assert.Equal([$"{festival}/{Year}"], await api.AppearancesAsync(added));
    }

    [Fact]
    public async Task The_festival_list_row_follows_the_editions_written_and_deleted()
    {
        var festival = await api.FestivalAsync();
        var bands = await api.BandsAsync(3);
        AssertRow("""{ "latestEdition": null, "editions": [], "totalEditions": 0 }""", await api.FestivalRowAsync(festival));
        await api.PrimeAsync("/api/festivals");

        await api.EditionAsync(festival, 2029, bands[0]);
        await api.EditionAsync(festival, 2031, bands);

        const string twoEditions = """
            {
              "latestEdition": { "year": 2031, "dates": { "start": "2031-06-17", "end": "2031-06-20" }, "bandCount": 3, "ticketPrice": 199.5, "currency": "EUR" },
              "editions": [2029, 2031],
              "totalEditions": 2
            }
            """;
        await AssertListedAsync(twoEditions);

        await api.AdminDeleteAsync($"/api/admin/festivals/{festival}/editions/2031").ExpectAsync(HttpStatusCode.NoContent);

        await AssertListedAsync("""
            {
              "latestEdition": { "year": 2029, "dates": { "start": "2029-06-17", "end": "2029-06-20" }, "bandCount": 1, "ticketPrice": 199.5, "currency": "EUR" },
              "editions": [2029],
              "totalEditions": 1
            }
            """);

        async Task AssertListedAsync(string expected)
        {
            foreach (var list in await api.CachedAndFreshAsync("/api/festivals"))
            {
                AssertRow(expected, Assert.Single(list["festivals"]!.AsArray(), r => (string?)r!["festivalKey"] == festival)!);
            }
        }

        static void AssertRow(string expected, JsonNode row) =>
            AssertJson(expected, new JsonObject
            {
                ["latestEdition"] = row["latestEdition"]?.DeepClone(),
                ["editions"] = row["editions"]!.DeepClone(),
                ["totalEditions"] = row["totalEditions"]!.DeepClone(),
            });
    }

    [Fact]
    public async Task A_line_up_with_unknown_bands_is_422_listing_each_of_them_and_creates_nothing()
    {
        var festival = await api.FestivalAsync();
        var known = await api.BandAsync();
        var (first, second) = (AdminRequests.UniqueKey("no-band"), AdminRequests.UniqueKey("no-band"));

        var error = await api.AdminPutAsync(EditionPath(festival), AdminRequests.Edition(Year, [first, known, second]))
            .ExpectErrorAsync(HttpStatusCode.UnprocessableEntity, "REFERENTIAL_INTEGRITY_ERROR");

        error.AssertRefused("Edition", $"{festival}/{Year}");
        AssertJson($$"""
            {
              "valid": false,
              "invalidBands": [{ "key": "{{first}}", "reason": "not found" }, { "key": "{{second}}", "reason": "not found" }]
            }
            """, error.GetProperty("details").GetProperty("bandValidation"));
        await api.ExpectNotFoundAsync(EditionPath(festival));
        Assert.Equal(0, await api.FestivalCountAsync(known));
        Assert.Equal(0, (int)(await api.FestivalRowAsync(festival))["totalEditions"]!);
    }

    [Fact]
    public async Task A_replacement_naming_an_unknown_band_is_422_and_the_edition_keeps_its_line_up()
    {
        var festival = await api.FestivalAsync();
        var (onStage, wouldJoin, _) = await ThreeBandsAsync();
        await api.EditionAsync(festival, Year, onStage);
        var missing = AdminRequests.UniqueKey("no-band");

        var error = await api.AdminPutAsync(EditionPath(festival), AdminRequests.Edition(Year, [wouldJoin, missing]))
            .ExpectErrorAsync(HttpStatusCode.UnprocessableEntity, "REFERENTIAL_INTEGRITY_ERROR");

        AssertJson($$"""{ "valid": false, "invalidBands": [{ "key": "{{missing}}", "reason": "not found" }] }""",
            error.GetProperty("details").GetProperty("bandValidation"));
        var stored = await api.ReadAsync(EditionPath(festival));
        Assert.Equal([onStage], stored.Json["edition"]!["bands"]!.AsArray().Select(b => (string?)b!["key"]));
        Assert.Equal(new[] { 1, 0 }, await api.FestivalCountsAsync(onStage, wouldJoin));
    }

    [Fact]
    public async Task An_edition_of_an_unknown_festival_is_404_and_creates_neither()
    {
        var festival = AdminRequests.UniqueKey("no-fest");
        var band = await api.BandAsync();

        var error = await api.AdminPutAsync(EditionPath(festival), AdminRequests.Edition(Year, [band]))
            .ExpectErrorAsync(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");

        error.AssertRefused("Festival", festival);
        await api.ExpectNotFoundAsync($"/api/festivals/{festival}");
        await api.ExpectNotFoundAsync(EditionPath(festival));
        Assert.Equal(0, await api.FestivalCountAsync(band));
    }

    public static TheoryData<string, string> InvalidEditions => new()
    {
        { "a band billed twice", "bands[1].key" },
        { "dates in another year than the path's", "dates.start" },
        { "an end before the start", "dates.end" },
    };

    [Theory]
    [MemberData(nameof(InvalidEditions))]
    public async Task An_invalid_line_up_or_dates_is_400_naming_the_field_and_writes_nothing(string @case, string field)
    {
        var festival = await api.FestivalAsync();
        var band = await api.BandAsync();
        object body = @case switch
        {
            "a band billed twice" => new { dates = new { start = "2030-06-17", end = "2030-06-20" }, bands = new[] { new { key = band, size = 0 }, new { key = band, size = 2 } } },
            "dates in another year than the path's" => new { dates = new { start = "2029-06-17", end = "2029-06-20" }, bands = new[] { new { key = band, size = 0 } } },
            _ => new { dates = new { start = "2030-06-20", end = "2030-06-17" }, bands = new[] { new { key = band, size = 0 } } },
        };

        await api.AdminPutAsync(EditionPath(festival), body).ExpectInvalidFieldAsync(field);

        await api.ExpectNotFoundAsync(EditionPath(festival));
        Assert.Equal(0, await api.FestivalCountAsync(band));
    }

    [Fact]
    public async Task Deleting_an_edition_is_204_and_each_of_its_bands_counts_one_festival_less()
    {
        var festival = await api.FestivalAsync();
        var (both, onlyThis, _) = await ThreeBandsAsync();
        await api.EditionAsync(festival, Year, both, onlyThis);
        await api.EditionAsync(festival, Year + 1, both);
        Assert.Equal(new[] { 2, 1 }, await api.FestivalCountsAsync(both, onlyThis));

        var answer = await api.AdminDeleteAsync($"/api/admin/festivals/{festival}/editions/{Year}").ExpectAsync(HttpStatusCode.NoContent);

        Assert.Null(answer.Body);
        await api.ExpectNotFoundAsync(EditionPath(festival));
        Assert.Equal(new[] { 1, 0 }, await api.FestivalCountsAsync(both, onlyThis));
        Assert.Equal([$"{festival}/{Year + 1}"], await api.AppearancesAsync(both));
        Assert.Empty(await api.AppearancesAsync(onlyThis));
        Assert.Equal([Year + 1], (await api.FestivalRowAsync(festival))["editions"]!.AsArray().Select(y => (int)y!));
    }

    [Fact]
    public async Task Deleting_an_edition_that_does_not_exist_is_404_and_deletes_nothing()
    {
        var festival = await api.FestivalAsync();
        var band = await api.BandAsync();
        await api.EditionAsync(festival, Year, band);
        var unknownFestival = AdminRequests.UniqueKey("no-fest");

        var otherYear = await api.AdminDeleteAsync($"/api/admin/festivals/{festival}/editions/{Year + 1}").ExpectErrorAsync(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
        var otherFestival = await api.AdminDeleteAsync($"/api/admin/festivals/{unknownFestival}/editions/{Year}").ExpectErrorAsync(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");

        otherYear.AssertRefused("Edition", $"{festival}/{Year + 1}");
        otherFestival.AssertRefused("Edition", $"{unknownFestival}/{Year}");
        await api.ReadAsync(EditionPath(festival));
        Assert.Equal(1, await api.FestivalCountAsync(band));
        Assert.Equal(1, (int)(await api.FestivalRowAsync(festival))["totalEditions"]!);
    }

    private async Task<(string, string, string)> ThreeBandsAsync()
    {
        var bands = await api.BandsAsync(3);
        return (bands[0], bands[1], bands[2]);
    }
}
