using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using MetalFests.Tests.Infrastructure;
using static MetalFests.Tests.AdminApi.Answers;
using static MetalFests.Tests.AdminApi.Given;

namespace MetalFests.Tests.AdminApi;

/// <summary>
/// <c>POST /api/admin/bands</c>, the seed's <c>PUT /api/bands/{key}</c> (example 4), <c>DELETE /api/admin/bands/{key}</c>
/// and <c>POST /api/admin/bands/validate</c>: a band write keeps its genres' and roles' counts, its list rows and
/// the line-ups that print its name in step.
/// </summary>
[Collection(WritesCollection.Name)]
public sealed class BandWriteTests(WritesFixture fixture)
{
    private readonly HttpClient api = fixture.Gateway;

    [Fact]
    public async Task Creating_a_band_is_201_and_counts_it_in_its_genres_and_its_members_in_their_roles()
    {
        var (doom, sludge) = (await api.GenreAsync(), await api.GenreAsync());
        var (voice, strings) = (await api.RoleAsync("voice"), await api.RoleAsync("string"));
        var key = AdminRequests.UniqueKey("band");
        var body = AdminRequests.Band(key, BandName(key), [doom, sludge], [("Singer", [voice]), ("Guitarist", [strings, voice])], reviewed: true);

        var answer = await api.AdminPostAsync("/api/admin/bands", body).ExpectAsync(HttpStatusCode.Created);

        Assert.Equal("\"1\"", answer.ETag);
        Assert.Equal($"/api/bands/{key}", answer.Location);
        Assert.True((bool)answer.Json["success"]!);
        var band = answer.Json["band"]!;
        AssertStamped(band, version: 1);
        AssertJson(Stored(body, key), WithoutStamps(band));
        AssertJson(AllValid, answer.Json["validation"]);
        AssertJson("[]", answer.Json["affectedFestivals"]);
        await api.AssertInvalidationAsync(answer.Json["cacheInvalidation"]!, "/api/bands", "/api/genres", "/api/roles", $"/api/bands/{key}", $"/api/bands/{key}/*");

        Assert.Equal(new[] { 1, 1 }, new[] { await api.BandCountAsync(doom), await api.BandCountAsync(sludge) });
        Assert.Equal(new[] { 2, 1 }, new[] { await api.BandMemberCountAsync(voice), await api.BandMemberCountAsync(strings) });
        var page = await api.FreshAsync($"/api/bands/{key}");
        AssertJson(Stored(body, key), page["band"]);
        Assert.Equal([$"Genre {doom}", $"Genre {sludge}"], page["genres"]!.AsArray().Select(g => (string?)g!["name"]));
        Assert.Equal(["voice", "string"], page["roles"]!.AsArray().Select(r => (string?)r!["category"]));
        var row = await api.BandRowAsync(key);
        Assert.Equal([$"Genre {doom}", $"Genre {sludge}"], row["genreNames"]!.AsArray().Select(n => (string?)n));
        Assert.Equal(0, (int)row["festivalCount"]!);
        Assert.Equal([key], (await api.FreshAsync($"/api/genres/{doom}/bands"))["bands"]!.AsArray().Select(b => (string?)b!["key"]));
        Assert.Equal(["Singer", "Guitarist"], (await api.FreshAsync($"/api/roles/{voice}/members"))["members"]!.AsArray().Select(m => (string?)m!["name"]));
    }

    [Fact]
    public async Task Creating_an_existing_band_is_409_resource_already_exists_and_keeps_the_band()
    {
        var genre = await api.GenreAsync();
        var band = await api.BandAsync(genres: [genre]);

        var error = await api.AdminPostAsync("/api/admin/bands", AdminRequests.Band(band, "An impostor"))
            .ExpectErrorAsync(HttpStatusCode.Conflict, "RESOURCE_ALREADY_EXISTS");

        error.AssertRefused("Band", band);
        var page = await api.FreshAsync($"/api/bands/{band}");
        Assert.Equal(BandName(band), (string?)page["band"]!["name"]);
        Assert.Equal([genre], page["band"]!["genreKeys"]!.AsArray().Select(g => (string?)g));
        Assert.Equal(1, await api.BandCountAsync(genre));
    }

    [Fact]
    public async Task Unknown_genre_or_role_keys_are_422_listing_each_of_them_and_nothing_is_written()
    {
        var (genre, role) = (await api.GenreAsync(), await api.RoleAsync());
        var (missingGenre, missingRole) = (AdminRequests.UniqueKey("no-genre"), AdminRequests.UniqueKey("no-role"));
        var key = AdminRequests.UniqueKey("band");

        var created = await api.AdminPostAsync("/api/admin/bands", AdminRequests.Band(key, BandName(key), [genre, missingGenre], [("Singer", [role, missingRole])]))
            .ExpectErrorAsync(HttpStatusCode.UnprocessableEntity, "REFERENTIAL_INTEGRITY_ERROR");

        created.AssertRefused("Band", key);
        AssertJson($$"""
            {
              "genresValid": false,
              "rolesValid": false,
              "invalidGenres": [{ "key": "{{missingGenre}}", "reason": "not found" }],
              "invalidRoles": [{ "key": "{{missingRole}}", "reason": "not found" }]
            }
            """, created.GetProperty("details").GetProperty("validation"));
        await api.ExpectNotFoundAsync($"/api/bands/{key}");
        Assert.Equal(new[] { 0, 0 }, new[] { await api.BandCountAsync(genre), await api.BandMemberCountAsync(role) });

        var existing = await api.BandAsync(genres: [genre]);
        var updated = await api.AdminPutAsync($"/api/bands/{existing}", AdminRequests.Band(existing, "Renamed " + existing, [missingGenre]))
            .ExpectErrorAsync(HttpStatusCode.UnprocessableEntity, "REFERENTIAL_INTEGRITY_ERROR");

        AssertJson($$"""
            { "genresValid": false, "rolesValid": true, "invalidGenres": [{ "key": "{{missingGenre}}", "reason": "not found" }], "invalidRoles": [] }
            """, updated.GetProperty("details").GetProperty("validation"));
        var page = await api.ReadAsync($"/api/bands/{existing}");
        Assert.Equal("\"1\"", page.ETag);
        Assert.Equal(BandName(existing), (string?)page.Json["band"]!["name"]);
        Assert.Equal(1, await api.BandCountAsync(genre));
    }

    [Fact]
    public async Task Updating_a_band_as_in_seed_example_4_is_200_with_the_band_its_validation_and_the_festivals_featuring_it()
    {
        var (heavy, thrash, hardRock) = (await api.GenreAsync(), await api.GenreAsync(), await api.GenreAsync());
        var (vocals, rhythmGuitar, drums) = (await api.RoleAsync("voice"), await api.RoleAsync("string"), await api.RoleAsync("percussion"));
        var (droppedGenre, droppedRole) = (await api.GenreAsync(), await api.RoleAsync("string"));
        var band = await api.BandAsync(genres: [heavy, droppedGenre], members: [("James Hetfield", [vocals]), ("Kirk Hammett", [droppedRole])]);
        var (first, second) = (await api.FestivalAsync(), await api.FestivalAsync());
        await api.EditionAsync(second, Year, band);
        await api.EditionAsync(second, Year + 1, band);
        await api.EditionAsync(first, Year, band);
        // The seed's example 4, on a band, genres and roles of the test's own.
        var body = new
        {
            name = BandName(band),
            country = "United States",
            description = "Updated description with more details...",
            logo = "https://example.com/metallica-logo.png",
            headlineImage = "https://example.com/metallica-headline.jpg",
            website = "https://www.metallica.com",
            spotify = "https://open.spotify.com/artist/2ye2Wgw4gimLv2eAKyk1NB",
            genreKeys = new[] { heavy, thrash, hardRock },
            members = new[] { new { name = "James Hetfield", roleKeys = new[] { vocals, rhythmGuitar } }, new { name = "Lars Ulrich", roleKeys = new[] { drums } } },
            reviewed = true,
        };

        var answer = await api.AdminPutAsync($"/api/bands/{band}", body).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("\"2\"", answer.ETag);
        Assert.True((bool)answer.Json["success"]!);
        var written = answer.Json["band"]!;
        AssertStamped(written, version: 2);
        AssertJson(Stored(body, band), WithoutStamps(written));
        AssertJson(AllValid, answer.Json["validation"]);
        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), answer.Json["affectedFestivals"]!.AsArray().Select(f => (string?)f));
        await api.AssertInvalidationAsync(answer.Json["cacheInvalidation"]!, "/api/bands", $"/api/bands/{band}/*");

        var page = await api.ReadAsync($"/api/bands/{band}");
        Assert.Equal("\"2\"", page.ETag);
        AssertJson(Stored(body, band), page.Json["band"]);
        Assert.Equal(new[] { heavy, thrash, hardRock }, page.Json["genres"]!.AsArray().Select(g => (string)g!["key"]!));
        Assert.Equal(new[] { vocals, rhythmGuitar, drums }, page.Json["roles"]!.AsArray().Select(r => (string)r!["key"]!));
        Assert.Equal(new[] { 1, 1, 1 }, new[] { await api.BandCountAsync(heavy), await api.BandCountAsync(thrash), await api.BandCountAsync(hardRock) });
        Assert.Equal(new[] { 1, 1, 1 }, new[] { await api.BandMemberCountAsync(vocals), await api.BandMemberCountAsync(rhythmGuitar), await api.BandMemberCountAsync(drums) });
        Assert.Equal(new[] { 0, 0 }, new[] { await api.BandCountAsync(droppedGenre), await api.BandMemberCountAsync(droppedRole) });
        Assert.Empty((await api.FreshAsync($"/api/genres/{droppedGenre}/bands"))["bands"]!.AsArray());
        Assert.Empty((await api.FreshAsync($"/api/roles/{droppedRole}/members"))["members"]!.AsArray());
        Assert.Equal(3, await api.FestivalCountAsync(band));
    }

    [Fact]
    public async Task A_rename_shows_in_the_line_ups_featuring_the_band_and_on_its_genre_and_role_pages()
    {
        var (genre, role) = (await api.GenreAsync(), await api.RoleAsync());
        var band = await api.BandAsync(genres: [genre], members: [("Drummer", [role])]);
        var other = await api.BandAsync();
        var festival = await api.FestivalAsync();
        await api.EditionAsync(festival, Year, other, band);
        var pages = new[] { EditionPath(festival), $"/api/festivals/{festival}", $"/api/bands/{band}/festivals", $"/api/genres/{genre}/bands", $"/api/roles/{role}/members" };
        await api.PrimeAsync(pages);
        var renamed = "Renamed " + band;

        var answer = await api.AdminPutAsync($"/api/bands/{band}", AdminRequests.Band(band, renamed, [genre], [("Drummer", [role])])).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal([festival], answer.Json["affectedFestivals"]!.AsArray().Select(f => (string?)f));
        foreach (var page in await api.CachedAndFreshAsync(pages[0]))
        {
            Assert.Equal([BandName(other), renamed], page["edition"]!["bands"]!.AsArray().Select(b => (string?)b!["name"]));
        }
        foreach (var page in await api.CachedAndFreshAsync(pages[1]))
        {
            Assert.Equal([BandName(other), renamed], page["editions"]![0]!["bands"]!.AsArray().Select(b => (string?)b!["name"]));
        }
        foreach (var page in await api.CachedAndFreshAsync(pages[2]))
        {
            Assert.Equal(renamed, (string?)page["bandName"]);
        }
        foreach (var page in await api.CachedAndFreshAsync(pages[3]))
        {
            Assert.Equal(renamed, (string?)Assert.Single(page["bands"]!.AsArray())!["name"]);
        }
        foreach (var page in await api.CachedAndFreshAsync(pages[4]))
        {
            Assert.Equal(renamed, (string?)Assert.Single(page["members"]!.AsArray())!["bandName"]);
        }
    }

    [Fact]
    public async Task Unreviewing_a_band_moves_it_from_the_reviewed_list_to_the_unreviewed_list()
    {
        var band = await api.BandAsync(reviewed: true);
        Assert.Single(await api.BandRowsAsync(band, "/api/bands/reviewed"));
        Assert.Empty(await api.BandRowsAsync(band, "/api/bands/unreviewed"));

        await api.AdminPutAsync($"/api/bands/{band}", AdminRequests.Band(band, BandName(band), reviewed: false)).ExpectAsync(HttpStatusCode.OK);

        Assert.Empty(await api.BandRowsAsync(band, "/api/bands/reviewed"));
        Assert.False((bool)Assert.Single(await api.BandRowsAsync(band, "/api/bands/unreviewed"))["reviewed"]!);
        Assert.False((bool)(await api.FreshAsync($"/api/bands/{band}"))["band"]!["reviewed"]!);
    }

    [Fact]
    public async Task Deleting_a_band_on_a_line_up_is_409_naming_the_editions_and_keeps_the_band()
    {
        var band = await api.BandAsync();
        var festival = await api.FestivalAsync();
        await api.EditionAsync(festival, Year, band);
        await api.EditionAsync(festival, Year + 1, band);

        var error = await api.AdminDeleteAsync($"/api/admin/bands/{band}").ExpectErrorAsync(HttpStatusCode.Conflict, "REFERENTIAL_INTEGRITY_ERROR");

        error.AssertRefused("Band", band);
        Assert.Equal([$"{festival}/{Year}", $"{festival}/{Year + 1}"],
            error.GetProperty("details").GetProperty("referencedBy").EnumerateArray().Select(e => e.GetString()).Order(StringComparer.Ordinal));
        await api.ReadAsync($"/api/bands/{band}");
        Assert.Equal(2, await api.FestivalCountAsync(band));
        Assert.Equal([band], (await api.FreshAsync(EditionPath(festival)))["edition"]!["bands"]!.AsArray().Select(b => (string?)b!["key"]));
    }

    [Fact]
    public async Task Deleting_a_band_on_no_line_up_is_204_then_it_is_gone_and_its_genre_and_role_count_one_less()
    {
        var (genre, role) = (await api.GenreAsync(), await api.RoleAsync());
        var band = await api.BandAsync(genres: [genre], members: [("Bassist", [role])]);
        Assert.Equal(new[] { 1, 1 }, new[] { await api.BandCountAsync(genre), await api.BandMemberCountAsync(role) });
        await api.PrimeAsync($"/api/bands/{band}");

        var answer = await api.AdminDeleteAsync($"/api/admin/bands/{band}").ExpectAsync(HttpStatusCode.NoContent);

        Assert.Null(answer.Body);
        await api.GetAsync($"/api/bands/{band}").ExpectErrorAsync(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
        await api.ExpectNotFoundAsync($"/api/bands/{band}");
        Assert.Empty(await api.BandRowsAsync(band));
        Assert.Equal(new[] { 0, 0 }, new[] { await api.BandCountAsync(genre), await api.BandMemberCountAsync(role) });
        Assert.Empty((await api.FreshAsync($"/api/genres/{genre}/bands"))["bands"]!.AsArray());
        Assert.Empty((await api.FreshAsync($"/api/roles/{role}/members"))["members"]!.AsArray());
    }

    [Fact]
    public async Task Validating_band_refs_reports_the_missing_and_the_malformed_among_them()
    {
        var band = await api.BandAsync();
        var missing = AdminRequests.UniqueKey("no-band");

        var mixed = await ValidateAsync(band, "metallica", missing, "Not A Key");
        var allKnown = await ValidateAsync(band, "metallica");

        Assert.False((bool)mixed["valid"]!);
        Assert.Equal([missing, "Not A Key"], mixed["invalidBands"]!.AsArray().Select(b => (string?)b!["key"]));
        Assert.Equal("not found", (string?)mixed["invalidBands"]![0]!["reason"]);
        Assert.StartsWith("not a valid key", (string?)mixed["invalidBands"]![1]!["reason"]);
        Assert.Equal(new[] { 4, 2, 2 }, new[] { (int)mixed["validatedCount"]!, (int)mixed["validCount"]!, (int)mixed["invalidCount"]! });
        AssertJson("""{ "valid": true, "invalidBands": [], "validatedCount": 2, "validCount": 2, "invalidCount": 0 }""", allKnown);
    }

    /// <summary>Validation only reads: the viewer's key may ask.</summary>
    private async Task<JsonNode> ValidateAsync(params string[] bandRefs) =>
        (await api.SendAsync(HttpMethod.Post, "/api/admin/bands/validate", new { bandRefs }, AppFixture.ViewerKey).ExpectAsync(HttpStatusCode.OK)).Json;

    private const string AllValid = """{ "genresValid": true, "rolesValid": true, "invalidGenres": [], "invalidRoles": [] }""";

    /// <summary>The band the API shows after a write of <paramref name="body"/>: its fields, the optional ones it left out as null.</summary>
    private static string Stored(object body, string key)
    {
        var band = JsonSerializer.SerializeToNode(body, new JsonSerializerOptions(JsonSerializerDefaults.Web))!.AsObject();
        band["key"] = key;
        foreach (var field in new[] { "country", "description", "logo", "headlineImage", "website", "spotify" })
        {
            band.TryAdd(field, null);
        }
        return band.ToJsonString();
    }

    /// <summary>A written band: created and updated times, and the version its ETag carries.</summary>
    private static void AssertStamped(JsonNode band, long version)
    {
        Assert.Equal(version, (long)band["version"]!);
        var (created, updated) = ((string)band["createdAt"]!, (string)band["updatedAt"]!);
        Assert.True(DateTimeOffset.TryParse(created, System.Globalization.CultureInfo.InvariantCulture, out _), created);
        Assert.True(version == 1 ? updated == created : string.CompareOrdinal(updated, created) >= 0, $"created {created}, updated {updated}");
    }

    private static JsonNode WithoutStamps(JsonNode band)
    {
        var copy = band.DeepClone().AsObject();
        copy.Remove("createdAt");
        copy.Remove("updatedAt");
        copy.Remove("version");
        return copy;
    }
}
