using MetalFests.Api.Writes;
using static MetalFests.Tests.Writes.Parsed;

namespace MetalFests.Tests.Writes;

/// <summary>The rules every request body follows, whatever its fields.</summary>
public sealed class FieldReaderTests
{
    [Fact]
    public void A_body_that_is_not_an_object_is_an_error_on_body()
    {
        Assert.Equal("must be a JSON object", OnlyBadField(GenreRequest.Parse(Json("""["thrash-metal"]"""), pathKey: null), "body"));
    }

    [Fact]
    public void A_field_given_twice_is_an_error_even_when_both_values_are_good()
    {
        var reason = OnlyBadField(GenreRequest.Parse(Json("""{"name":"Thrash Metal","name":"Speed Metal"}"""), "thrash-metal"), "name");

        Assert.Equal("appears more than once", reason);
    }

    [Fact]
    public void A_field_given_twice_inside_an_item_is_named_with_the_item()
    {
        OnlyBadField(EditionRequest.Parse(Json("""{"dates":{"start":"2027-06-17","end":"2027-06-20"},"bands":[{"key":"slayer","size":1,"size":2}]}"""), 2027), "bands[0].size");
    }

    [Fact]
    public void Null_is_absent_for_an_optional_field_and_missing_for_a_required_one()
    {
        Assert.Null(Valid(GenreRequest.Parse(Json("""{"name":"Thrash Metal","description":null}"""), "thrash-metal")).Description);
        Assert.Equal("is required", OnlyBadField(GenreRequest.Parse(Json("""{"name":null}"""), "thrash-metal"), "name"));
    }

    [Fact]
    public void Field_names_are_case_sensitive()
    {
        Assert.Equal(["name", "Name"], BadFields(GenreRequest.Parse(Json("""{"Name":"Thrash Metal"}"""), "thrash-metal")));
    }

    [Fact]
    public void Text_with_half_a_surrogate_pair_is_not_text()
    {
        Assert.Equal("must be valid Unicode text", OnlyBadField(GenreRequest.Parse(Json("""{"name":"Thrash \ud800 Metal"}"""), "thrash-metal"), "name"));
    }

    [Fact]
    public void Text_outside_the_basic_plane_counts_and_is_kept()
    {
        Assert.Equal("Metal 🤘", Valid(GenreRequest.Parse(Json("""{"name":"Metal \ud83e\udd18"}"""), "metal")).Name);
    }
}
