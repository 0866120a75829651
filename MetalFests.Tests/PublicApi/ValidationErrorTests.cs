using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.PublicApi;

/// <summary>A malformed path or query parameter: 400 VALIDATION_ERROR in the seed's envelope, <c>details.parameter</c> naming it.</summary>
[Collection(AppCollection.Name)]
public sealed class ValidationErrorTests(AppFixture fixture)
{
    /// <summary>Every path with a key: {0} is where the key goes.</summary>
    public static TheoryData<string> KeyedPaths =>
    [
        "/api/festivals/{0}", "/api/festivals/{0}/editions", "/api/festivals/{0}/editions/2026",
        "/api/bands/{0}", "/api/bands/{0}/festivals",
        "/api/genres/{0}", "/api/genres/{0}/bands",
        "/api/roles/{0}", "/api/roles/{0}/members",
    ];

    /// <summary>Keys that are not keys: upper case, a dot, an encoded slash, an underscore, a stray hyphen, over 100 characters.</summary>
    public static readonly string[] MalformedKeys = ["Hellfest", "hell.fest", "hell%2Ffest", "hell_fest", "-hellfest", "hellfest-", "hell--fest", new string('a', 101)];

    [Theory]
    [MemberData(nameof(KeyedPaths))]
    public async Task A_malformed_key_is_a_validation_error_naming_key(string template)
    {
        foreach (var key in MalformedKeys)
        {
            await fixture.Gateway.GetValidationErrorAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, key), "key");
        }
    }

    [Theory]
    [MemberData(nameof(KeyedPaths))]
    public async Task A_key_of_exactly_100_characters_is_well_formed_and_simply_not_found(string template)
    {
        var key = new string('a', 100);

        await fixture.Gateway.GetErrorAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, key), System.Net.HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("20x6")]
    [InlineData("-2026")]
    [InlineData("2026.0")]
    [InlineData("1899")]
    [InlineData("2101")]
    [InlineData("99999999999")]
    public async Task A_year_not_an_integer_from_1900_to_2100_is_a_validation_error_naming_year(string year)
    {
        await fixture.Gateway.GetValidationErrorAsync($"/api/festivals/hellfest/editions/{year}", "year");
    }

    [Theory]
    [InlineData("1900")]
    [InlineData("2100")]
    public async Task The_bounds_of_the_year_range_are_accepted_and_simply_not_found(string year)
    {
        var error = await fixture.Gateway.GetErrorAsync($"/api/festivals/hellfest/editions/{year}", System.Net.HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");

        Assert.Equal("Edition", error.GetProperty("details").Str("resource"));
    }

    [Theory]
    // Paging (every paginated list shares the parser; each list is covered in PaginationTests).
    [InlineData("/api/festivals/upcoming?limit=abc", "limit")]
    [InlineData("/api/festivals/upcoming?limit=-5", "limit")]
    [InlineData("/api/festivals/upcoming?limit=1.5", "limit")]
    [InlineData("/api/festivals/upcoming?limit=", "limit")]
    [InlineData("/api/bands?offset=abc", "offset")]
    [InlineData("/api/bands?offset=1000001", "offset")]
    [InlineData("/api/bands?offset=99999999999", "offset")]
    [InlineData("/api/genres/nu-metal/bands?offset=x", "offset")]
    [InlineData("/api/roles/vocals/members?limit=501", "limit")]
    // Dates.
    [InlineData("/api/festivals?from=2026-13-01", "from")]
    [InlineData("/api/festivals?from=20260601", "from")]
    [InlineData("/api/festivals?from=01/06/2026", "from")]
    [InlineData("/api/festivals?from=2026-06-01T00:00:00", "from")]
    [InlineData("/api/festivals?to=2026-02-30", "to")]
    [InlineData("/api/festivals?to=yesterday", "to")]
    [InlineData("/api/festivals?from=2026-08-10&to=2026-08-01", "to")]
    // Geography.
    [InlineData("/api/festivals?near=abc", "near")]
    [InlineData("/api/festivals?near=47.1", "near")]
    [InlineData("/api/festivals?near=47.1,-1.2,3", "near")]
    [InlineData("/api/festivals?near=91,0", "near")]
    [InlineData("/api/festivals?near=-90.5,0", "near")]
    [InlineData("/api/festivals?near=0,181", "near")]
    [InlineData("/api/festivals?near=0,-180.1", "near")]
    [InlineData("/api/festivals?near=", "near")]
    [InlineData("/api/festivals?radiusKm=100", "radiusKm")]
    [InlineData("/api/festivals?near=47.1,-1.2&radiusKm=0", "radiusKm")]
    [InlineData("/api/festivals?near=47.1,-1.2&radiusKm=-5", "radiusKm")]
    [InlineData("/api/festivals?near=47.1,-1.2&radiusKm=abc", "radiusKm")]
    [InlineData("/api/festivals?near=47.1,-1.2&radiusKm=20001", "radiusKm")]
    [InlineData("/api/festivals?near=47.1,-1.2&radiusKm=NaN", "radiusKm")]
    // Text filters.
    [InlineData("/api/festivals?q=", "q")]
    [InlineData("/api/festivals?q=%20%20", "q")]
    [InlineData("/api/festivals?country=", "country")]
    [InlineData("/api/bands?q=", "q")]
    [InlineData("/api/bands?country=", "country")]
    // Band filters.
    [InlineData("/api/bands?reviewed=yes", "reviewed")]
    [InlineData("/api/bands?reviewed=1", "reviewed")]
    [InlineData("/api/bands?reviewed=", "reviewed")]
    [InlineData("/api/bands?genre=Heavy-Metal", "genre")]
    [InlineData("/api/bands?genre=heavy_metal", "genre")]
    [InlineData("/api/bands?genre=heavy.metal", "genre")]
    [InlineData("/api/bands/reviewed?genre=Nu%20Metal", "genre")]
    public async Task A_malformed_query_parameter_is_a_validation_error_naming_it(string path, string parameter)
    {
        await fixture.Gateway.GetValidationErrorAsync(path, parameter);
    }

    [Fact]
    public async Task A_search_text_over_100_characters_is_a_validation_error_naming_q()
    {
        await fixture.Gateway.GetValidationErrorAsync($"/api/festivals?q={new string('x', 101)}", "q");
        await fixture.Gateway.GetValidationErrorAsync($"/api/bands?q={new string('x', 101)}", "q");
    }

    /// <summary>
    /// Values at the edges are accepted, and answer what db.json gives: 20,000 km around Clisson and no radius at all
    /// reach all 33 festivals (all in Europe); 0.5 km around the North Pole none; one day, 2026-06-20, the two festivals
    /// on then (Hellfest, Graspop Metal Meeting); an offset past the 93 unreviewed stubs and a 100-character search none.
    /// </summary>
    [Theory]
    [InlineData("/api/festivals?near=47.0869,-1.2816&radiusKm=20000", 33)]
    [InlineData("/api/festivals?near=-90,-180", 33)]
    [InlineData("/api/festivals?near=90,180&radiusKm=0.5", 0)]
    [InlineData("/api/festivals?from=2026-06-20&to=2026-06-20", 2)]
    [InlineData("/api/bands?reviewed=false&limit=500&offset=1000000", 0)]
    [InlineData("/api/bands?q=" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", 0)]
    public async Task Values_at_the_edges_of_the_accepted_ranges_are_accepted(string path, int count)
    {
        var body = await fixture.Gateway.GetOkAsync(path);

        Assert.Equal(count, body.Int("count"));
        Assert.Equal(count, body.Rows(path.StartsWith("/api/festivals", StringComparison.Ordinal) ? "festivals" : "bands").Count);
    }
}
