using MetalFests.Api.Writes;
using MetalFests.Storage.Model;
using static MetalFests.Tests.Writes.Parsed;

namespace MetalFests.Tests.Writes;

/// <summary>The body of a genre create or update.</summary>
public sealed class GenreRequestTests
{
    [Fact]
    public void A_genre_body_parses_with_a_band_count_of_0()
    {
        var genre = Valid(GenreRequest.Parse(Json("""{"key":"thrash-metal","name":"Thrash Metal","description":"Fast and aggressive."}"""), pathKey: null));

        Assert.Equal(new Genre("thrash-metal", "Thrash Metal", "Fast and aggressive.", BandCount: 0), genre);
    }

    [Fact]
    public void An_update_keeps_the_path_key_and_needs_only_the_name()
    {
        Assert.Equal(new Genre("thrash-metal", "Thrash Metal", null, 0), Valid(GenreRequest.Parse(Json("""{"name":"Thrash Metal"}"""), "thrash-metal")));
        OnlyBadField(GenreRequest.Parse(Json("""{"key":"speed-metal","name":"Thrash Metal"}"""), "thrash-metal"), "key");
    }

    [Fact]
    public void Key_and_name_are_required()
    {
        Assert.Equal(["key", "name"], BadFields(GenreRequest.Parse(Json("{}"), pathKey: null)));
    }

    [Fact]
    public void Name_is_at_most_100_and_description_at_most_5000_characters()
    {
        var result = GenreRequest.Parse(Json($$"""{"name":"{{new string('n', 101)}}","description":"{{new string('d', 5001)}}"}"""), "thrash-metal");

        Assert.Equal(["name", "description"], BadFields(result));
    }

    [Fact]
    public void The_band_count_is_not_the_client_s_to_set()
    {
        Assert.Equal("is not a known field", OnlyBadField(GenreRequest.Parse(Json("""{"name":"Thrash Metal","bandCount":1000}"""), "thrash-metal"), "bandCount"));
    }

    [Fact]
    public void A_field_of_the_wrong_type_is_named()
    {
        Assert.Equal(["key", "name", "description"], BadFields(GenreRequest.Parse(Json("""{"key":["thrash-metal"],"name":{"en":"Thrash"},"description":5}"""), pathKey: null)));
    }
}
