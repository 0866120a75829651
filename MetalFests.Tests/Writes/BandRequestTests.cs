using MetalFests.Api.Writes;
using MetalFests.Storage.Model;
using static MetalFests.Tests.Writes.Parsed;

namespace MetalFests.Tests.Writes;

/// <summary>The body of a band create or update: the whole band, its genres and its members' roles by key.</summary>
public sealed class BandRequestTests
{
    /// <summary>The seed's Example 4, <c>PUT /api/bands/metallica</c>.</summary>
    private const string SeedExample = """
        {"name":"Metallica","country":"United States","description":"Updated description with more details...","logo":"https://example.com/metallica-logo.png","headlineImage":"https://example.com/metallica-headline.jpg","website":"https://www.metallica.com","spotify":"https://open.spotify.com/artist/2ye2Wgw4gimLv2eAKyk1NB","genreKeys":["heavy-metal","thrash-metal","hard-rock"],"members":[{"name":"James Hetfield","roleKeys":["vocals","rhythm-guitar"]},{"name":"Lars Ulrich","roleKeys":["drums"]}],"reviewed":true}
        """;

    private static Band ValidMetallica(string json) => Valid(BandRequest.Parse(Json(json), "metallica"));

    private static string[] BadMetallicaFields(string json) => BadFields(BandRequest.Parse(Json(json), "metallica"));

    /// <summary>A band named Metallica with the given fields added.</summary>
    private static string With(string fields) => $$"""{"name":"Metallica",{{fields}}}""";

    [Fact]
    public void The_seed_example_parses()
    {
        var band = ValidMetallica(SeedExample);

        Assert.Equal("metallica", band.Key);
        Assert.Equal("Metallica", band.Name);
        Assert.Equal("United States", band.Country);
        Assert.Equal("Updated description with more details...", band.Description);
        Assert.Equal("https://example.com/metallica-logo.png", band.Logo);
        Assert.Equal("https://example.com/metallica-headline.jpg", band.HeadlineImage);
        Assert.Equal("https://www.metallica.com", band.Website);
        Assert.Equal("https://open.spotify.com/artist/2ye2Wgw4gimLv2eAKyk1NB", band.Spotify);
        Assert.Equal(["heavy-metal", "thrash-metal", "hard-rock"], band.GenreKeys);
        Assert.Equal(2, band.Members.Count);
        Assert.Equal("James Hetfield", band.Members[0].Name);
        Assert.Equal(["vocals", "rhythm-guitar"], band.Members[0].RoleKeys);
        Assert.Equal("Lars Ulrich", band.Members[1].Name);
        Assert.Equal(["drums"], band.Members[1].RoleKeys);
        Assert.True(band.Reviewed);
    }

    [Fact]
    public void A_name_alone_is_an_unreviewed_band_with_no_genres_and_no_members()
    {
        var band = ValidMetallica("""{"name":"Metallica"}""");

        Assert.Equal(("metallica", "Metallica"), (band.Key, band.Name));
        Assert.All([band.Country, band.Description, band.Logo, band.HeadlineImage, band.Website, band.Spotify], Assert.Null);
        Assert.False(band.Reviewed);
        Assert.Empty(band.GenreKeys);
        Assert.Empty(band.Members);
    }

    [Fact]
    public void A_create_requires_the_key_and_an_update_keeps_the_path_key()
    {
        Assert.Equal("is required", OnlyBadField(BandRequest.Parse(Json("""{"name":"Metallica"}"""), pathKey: null), "key"));
        Assert.Equal("metallica", Valid(BandRequest.Parse(Json("""{"key":"metallica","name":"Metallica"}"""), pathKey: null)).Key);
        OnlyBadField(BandRequest.Parse(Json("""{"key":"megadeth","name":"Metallica"}"""), "metallica"), "key");
    }

    [Fact]
    public void The_name_is_required()
    {
        Assert.Equal(["name"], BadMetallicaFields("""{"country":"United States"}"""));
        Assert.Equal(["name"], BadMetallicaFields("""{"name":""}"""));
    }

    [Fact]
    public void Text_fields_have_their_limits()
    {
        var result = BandRequest.Parse(Json($$"""{"name":"{{new string('n', 201)}}","country":"{{new string('c', 101)}}","description":"{{new string('d', 10001)}}"}"""), "metallica");

        Assert.Equal(["name", "country", "description"], BadFields(result));
        ValidMetallica($$"""{"name":"{{new string('n', 200)}}","country":"{{new string('c', 100)}}","description":"{{new string('d', 10000)}}"}""");
    }

    [Fact]
    public void Every_link_must_be_an_absolute_http_url()
    {
        var errors = Errors(BandRequest.Parse(Json(With("""
            "logo":"metallica-logo.png","headlineImage":"file:///tmp/x.jpg","website":"www.metallica.com","spotify":"spotify:artist:2ye2Wgw4gimLv2eAKyk1NB"
            """)), "metallica"));

        Assert.Equal(["logo", "headlineImage", "website", "spotify"], errors.Select(error => error.Field));
        Assert.All(errors, error => Assert.Equal("must be an absolute http(s) URL", error.Reason));
    }

    [Fact]
    public void Genre_keys_must_be_keys()
    {
        Assert.Equal(["genreKeys[1]", "genreKeys[2]"], BadMetallicaFields(With("""
            "genreKeys":["heavy-metal","Thrash Metal",7]
            """)));
    }

    [Fact]
    public void A_genre_given_twice_is_an_error_on_its_second_place()
    {
        var reason = OnlyBadField(BandRequest.Parse(Json(With("""
            "genreKeys":["heavy-metal","thrash-metal","heavy-metal"]
            """)), "metallica"), "genreKeys[2]");

        Assert.Equal("appears twice (first at genreKeys[0])", reason);
    }

    [Fact]
    public void A_band_has_at_most_50_genres()
    {
        var keys = string.Join(",", Enumerable.Range(0, 51).Select(i => $"\"genre-{i}\""));

        Assert.Equal("must have at most 50 items", OnlyBadField(BandRequest.Parse(Json(With($"\"genreKeys\":[{keys}]")), "metallica"), "genreKeys"));
    }

    [Theory]
    [InlineData("\"heavy-metal\"")]
    [InlineData("{\"heavy-metal\":true}")]
    public void Genre_keys_must_be_an_array(string genreKeys)
    {
        Assert.Equal("must be an array", OnlyBadField(BandRequest.Parse(Json(With($"\"genreKeys\":{genreKeys}")), "metallica"), "genreKeys"));
    }

    [Fact]
    public void A_member_needs_a_name_and_role_keys_that_are_keys()
    {
        var result = BandRequest.Parse(Json(With("""
            "members":[{"name":"James Hetfield","roleKeys":["vocals","Lead Guitar"]},{"roleKeys":["drums"]},"Kirk Hammett",{"name":"Robert Trujillo","roleKeys":"bass"}]
            """)), "metallica");

        Assert.Equal(["members[0].roleKeys[1]", "members[1].name", "members[2]", "members[3].roleKeys"], BadFields(result));
    }

    [Fact]
    public void A_member_without_role_keys_has_none()
    {
        var band = ValidMetallica(With("""
            "members":[{"name":"Cliff Burton"}]
            """));

        Assert.Empty(Assert.Single(band.Members).RoleKeys);
    }

    [Fact]
    public void A_role_given_twice_to_a_member_is_an_error_on_its_second_place()
    {
        var reason = OnlyBadField(BandRequest.Parse(Json(With("""
            "members":[{"name":"James Hetfield","roleKeys":["vocals","rhythm-guitar","vocals"]}]
            """)), "metallica"), "members[0].roleKeys[2]");

        Assert.Equal("appears twice (first at members[0].roleKeys[0])", reason);
    }

    [Fact]
    public void A_band_has_at_most_100_members_of_at_most_20_roles()
    {
        var members = string.Join(",", Enumerable.Range(0, 101).Select(i => $$"""{"name":"Member {{i}}"}"""));
        var roles = string.Join(",", Enumerable.Range(0, 21).Select(i => $"\"role-{i}\""));

        OnlyBadField(BandRequest.Parse(Json(With($"\"members\":[{members}]")), "metallica"), "members");
        OnlyBadField(BandRequest.Parse(Json(With($$"""
            "members":[{"name":"James Hetfield","roleKeys":[{{roles}}]}]
            """)), "metallica"), "members[0].roleKeys");
    }

    [Theory]
    [InlineData("\"yes\"")]
    [InlineData("1")]
    [InlineData("\"true\"")]
    public void Reviewed_must_be_true_or_false(string reviewed)
    {
        Assert.Equal("must be true or false", OnlyBadField(BandRequest.Parse(Json(With($"\"reviewed\":{reviewed}")), "metallica"), "reviewed"));
    }

    [Fact]
    public void An_unknown_field_is_rejected_wherever_it_is()
    {
        var result = BandRequest.Parse(Json(With("""
            "genres":["heavy-metal"],"members":[{"name":"James Hetfield","instrument":"guitar"}]
            """)), "metallica");

        Assert.Equal(["members[0].instrument", "genres"], BadFields(result));
        Assert.All(Errors(result), error => Assert.Equal("is not a known field", error.Reason));
    }

    [Fact]
    public void Every_bad_field_is_named_in_one_answer()
    {
        var result = BandRequest.Parse(Json("""
            {"key":"Metallica","name":42,"logo":"logo.png","genreKeys":["metal","metal"],"members":[{"name":" "}],"reviewed":"no","festivals":[]}
            """), pathKey: null);

        Assert.Equal(["key", "name", "logo", "genreKeys[1]", "members[0].name", "reviewed", "festivals"], BadFields(result));
    }
}
