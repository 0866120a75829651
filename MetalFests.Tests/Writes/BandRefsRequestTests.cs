using MetalFests.Api.Writes;
using static MetalFests.Tests.Writes.Parsed;

namespace MetalFests.Tests.Writes;

/// <summary>The body of the band validation endpoint: a list of references, each judged by the endpoint, not here.</summary>
public sealed class BandRefsRequestTests
{
    [Fact]
    public void The_references_come_back_as_given_even_malformed_ones()
    {
        var bandRefs = Valid(BandRefsRequest.Parse(Json("""{"bandRefs":["metallica","Iron Maiden"," slayer","metallica",""]}""")));

        Assert.Equal(["metallica", "Iron Maiden", " slayer", "metallica", ""], bandRefs);
    }

    [Theory]
    [InlineData("{}", "is required")]
    [InlineData("""{"bandRefs":null}""", "is required")]
    [InlineData("""{"bandRefs":[]}""", "must not be empty")]
    [InlineData("""{"bandRefs":"metallica"}""", "must be an array")]
    [InlineData("""{"bandRefs":{"metallica":true}}""", "must be an array")]
    public void The_references_are_a_non_empty_array(string json, string reason)
    {
        Assert.Equal(reason, OnlyBadField(BandRefsRequest.Parse(Json(json)), "bandRefs"));
    }

    [Fact]
    public void Each_reference_must_be_a_string()
    {
        Assert.Equal(["bandRefs[1]", "bandRefs[2]", "bandRefs[3]"], BadFields(BandRefsRequest.Parse(Json("""{"bandRefs":["metallica",42,null,{"key":"slayer"}]}"""))));
    }

    [Fact]
    public void At_most_1000_references_are_validated_at_once()
    {
        string Refs(int count) => $$"""{"bandRefs":[{{string.Join(",", Enumerable.Range(0, count).Select(i => $"\"band-{i}\""))}}]}""";

        Assert.Equal(BandRefsRequest.MaxBandRefs, Valid(BandRefsRequest.Parse(Json(Refs(BandRefsRequest.MaxBandRefs)))).Count);
        Assert.Equal("must have at most 1000 items", OnlyBadField(BandRefsRequest.Parse(Json(Refs(BandRefsRequest.MaxBandRefs + 1))), "bandRefs"));
    }

    [Fact]
    public void An_unknown_field_is_rejected()
    {
        OnlyBadField(BandRefsRequest.Parse(Json("""{"bandRefs":["metallica"],"festivalKey":"hellfest"}""")), "festivalKey");
    }
}
