using MetalFests.Api.Writes;
using MetalFests.Storage;
using MetalFests.Storage.Model;
using static MetalFests.Tests.Writes.Parsed;

namespace MetalFests.Tests.Writes;

/// <summary>The body of a festival create or update: general information, key from the body (POST) or the path (PUT).</summary>
public sealed class FestivalRequestTests
{
    private const string Hellfest = """
        {
          "key": "hellfest",
          "name": "Hellfest",
          "location": "Clisson, France",
          "coordinates": { "lat": 47.0983, "lng": -1.2705 },
          "website": "https://hellfest.fr",
          "poster": "https://hellfest.fr/poster.jpg",
          "description": "Open air in the vineyards."
        }
        """;

    [Fact]
    public void A_full_festival_body_parses_into_the_festival()
    {
        var festival = Valid(FestivalRequest.Parse(Json(Hellfest), pathKey: null));

        Assert.Equal(new Festival("hellfest", "Hellfest", "Clisson, France", new Coordinates(47.0983, -1.2705),
            "https://hellfest.fr", "https://hellfest.fr/poster.jpg", "Open air in the vineyards."), festival);
    }

    [Fact]
    public void Only_key_name_and_location_are_needed_the_rest_is_null()
    {
        var festival = Valid(FestivalRequest.Parse(Json("""{"key":"hellfest","name":"Hellfest","location":"Clisson, France"}"""), pathKey: null));

        Assert.Equal(new Festival("hellfest", "Hellfest", "Clisson, France", null, null, null, null), festival);
    }

    [Fact]
    public void Text_is_trimmed_and_blank_or_null_optional_text_is_absent()
    {
        var festival = Valid(FestivalRequest.Parse(Json("""{"name":"  Hellfest ","location":" Clisson, France ","website":"  ","description":null}"""), "hellfest"));

        Assert.Equal("Hellfest", festival.Name);
        Assert.Equal("Clisson, France", festival.Location);
        Assert.Null(festival.Website);
        Assert.Null(festival.Description);
    }

    [Fact]
    public void A_create_requires_the_key_in_the_body()
    {
        Assert.Equal("is required", OnlyBadField(FestivalRequest.Parse(Json("""{"name":"Hellfest","location":"Clisson, France"}"""), pathKey: null), "key"));
    }

    [Fact]
    public void An_update_takes_the_key_from_the_path()
    {
        var festival = Valid(FestivalRequest.Parse(Json("""{"name":"Hellfest","location":"Clisson, France"}"""), "hellfest"));

        Assert.Equal("hellfest", festival.Key);
    }

    [Fact]
    public void An_update_body_may_repeat_the_path_key_but_not_name_another()
    {
        Valid(FestivalRequest.Parse(Json(Hellfest), "hellfest"));

        var reason = OnlyBadField(FestivalRequest.Parse(Json(Hellfest), "wacken-open-air"), "key");

        Assert.Contains("'wacken-open-air'", reason);
    }

    [Theory]
    [InlineData("Hellfest")]
    [InlineData("hell fest")]
    [InlineData(" hellfest")]
    [InlineData("hell_fest")]
    [InlineData("-hellfest")]
    [InlineData("hell--fest")]
    [InlineData("")]
    public void A_malformed_key_is_an_error_naming_the_key_pattern(string key)
    {
        var reason = OnlyBadField(FestivalRequest.Parse(Json($$"""{"key":"{{key}}","name":"Hellfest","location":"Clisson, France"}"""), pathKey: null), "key");

        Assert.Contains(EntityKeys.PatternText, reason);
    }

    [Fact]
    public void A_key_longer_than_100_characters_is_an_error()
    {
        var key = new string('a', EntityKeys.MaxLength + 1);

        OnlyBadField(FestivalRequest.Parse(Json($$"""{"key":"{{key}}","name":"Hellfest","location":"Clisson, France"}"""), pathKey: null), "key");
    }

    [Fact]
    public void Name_and_location_are_required_and_blank_is_missing()
    {
        Assert.Equal(["name", "location"], BadFields(FestivalRequest.Parse(Json("""{"name":"   "}"""), "hellfest")));
    }

    [Fact]
    public void Name_and_location_are_at_most_200_characters()
    {
        var longText = new string('x', 200) + ", France";

        Assert.Equal(["name", "location"], BadFields(FestivalRequest.Parse(Json($$"""{"name":"{{new string('x', 201)}}","location":"{{longText}}"}"""), "hellfest")));
        Valid(FestivalRequest.Parse(Json($$"""{"name":"{{new string('x', 200)}}","location":"Clisson, France"}"""), "hellfest"));
    }

    [Theory]
    [InlineData("Clisson")]
    [InlineData("Clisson,")]
    [InlineData(", France")]
    [InlineData("Clisson,, France")]
    public void Location_must_be_written_city_comma_country(string location)
    {
        var reason = OnlyBadField(FestivalRequest.Parse(Json($$"""{"name":"Hellfest","location":"{{location}}"}"""), "hellfest"), "location");

        Assert.Equal("must be written \"City, Country\"", reason);
    }

    [Fact]
    public void A_location_with_a_region_is_still_city_comma_country()
    {
        Valid(FestivalRequest.Parse(Json("""{"name":"Graspop","location":"Dessel, Antwerp, Belgium"}"""), "graspop-metal-meeting"));
    }

    [Theory]
    [InlineData("""{"lat":90.5,"lng":0}""", "coordinates.lat")]
    [InlineData("""{"lat":-91,"lng":0}""", "coordinates.lat")]
    [InlineData("""{"lat":0,"lng":180.01}""", "coordinates.lng")]
    [InlineData("""{"lat":0,"lng":-181}""", "coordinates.lng")]
    [InlineData("""{"lat":"47.1","lng":0}""", "coordinates.lat")]
    [InlineData("""{"lat":47.1}""", "coordinates.lng")]
    [InlineData("""{"lat":47.1,"lng":-1.3,"alt":20}""", "coordinates.alt")]
    [InlineData("\"47.1,-1.3\"", "coordinates")]
    [InlineData("[47.1,-1.3]", "coordinates")]
    public void Coordinates_are_a_latitude_and_a_longitude_in_range(string coordinates, string field)
    {
        OnlyBadField(FestivalRequest.Parse(Json($$"""{"name":"Hellfest","location":"Clisson, France","coordinates":{{coordinates}}}"""), "hellfest"), field);
    }

    [Fact]
    public void The_poles_and_the_date_line_are_valid_coordinates()
    {
        var festival = Valid(FestivalRequest.Parse(Json("""{"name":"Polar","location":"North, Pole","coordinates":{"lat":90,"lng":-180}}"""), "polar"));

        Assert.Equal(new Coordinates(90, -180), festival.Coordinates);
    }

    [Theory]
    [InlineData("hellfest.fr")]
    [InlineData("www.hellfest.fr")]
    [InlineData("/poster.jpg")]
    [InlineData("ftp://hellfest.fr/poster.jpg")]
    [InlineData("javascript:alert(1)")]
    [InlineData("mailto:info@hellfest.fr")]
    public void Website_and_poster_must_be_absolute_http_urls(string url)
    {
        var errors = Errors(FestivalRequest.Parse(Json($$"""{"name":"Hellfest","location":"Clisson, France","website":"{{url}}","poster":"{{url}}"}"""), "hellfest"));

        Assert.Equal(["website", "poster"], errors.Select(error => error.Field));
        Assert.All(errors, error => Assert.Equal("must be an absolute http(s) URL", error.Reason));
    }

    [Fact]
    public void A_url_is_at_most_2048_characters()
    {
        var url = "https://hellfest.fr/" + new string('p', FieldReader.MaxUrlLength);

        OnlyBadField(FestivalRequest.Parse(Json($$"""{"name":"Hellfest","location":"Clisson, France","poster":"{{url}}"}"""), "hellfest"), "poster");
    }

    [Fact]
    public void Description_is_at_most_5000_characters()
    {
        Valid(FestivalRequest.Parse(Json($$"""{"name":"Hellfest","location":"Clisson, France","description":"{{new string('d', 5000)}}"}"""), "hellfest"));

        OnlyBadField(FestivalRequest.Parse(Json($$"""{"name":"Hellfest","location":"Clisson, France","description":"{{new string('d', 5001)}}"}"""), "hellfest"), "description");
    }

    [Fact]
    public void A_field_of_the_wrong_type_is_named()
    {
        var errors = Errors(FestivalRequest.Parse(Json("""{"key":42,"name":true,"location":["Clisson","France"],"website":{"url":"https://hellfest.fr"}}"""), pathKey: null));

        Assert.Equal(["key", "name", "location", "website"], errors.Select(error => error.Field));
        Assert.All(errors, error => Assert.Equal("must be a string", error.Reason));
    }

    [Fact]
    public void An_unknown_field_is_rejected()
    {
        Assert.Equal("is not a known field", OnlyBadField(FestivalRequest.Parse(Json("""{"name":"Hellfest","location":"Clisson, France","country":"France"}"""), "hellfest"), "country"));
    }

    [Fact]
    public void Every_bad_field_is_named_in_one_answer()
    {
        var result = FestivalRequest.Parse(Json("""{"key":"Hell Fest","location":"Clisson","coordinates":{"lat":100,"lng":0},"poster":"poster.jpg","editions":[]}"""), pathKey: null);

        Assert.Equal(["key", "name", "location", "coordinates.lat", "poster", "editions"], BadFields(result));
    }
}
