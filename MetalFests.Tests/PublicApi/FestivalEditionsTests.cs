using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.PublicApi;

/// <summary><c>GET /api/festivals/{key}/editions</c> and <c>/editions/{year}</c>: the same editions as the festival detail.</summary>
[Collection(AppCollection.Name)]
public sealed class FestivalEditionsTests(AppFixture fixture)
{
    [Fact]
    public async Task Edition_list_names_its_festival_and_has_the_detail_edition_fields()
    {
        var body = await fixture.Gateway.GetOkAsync("/api/festivals/wacken-open-air/editions");

        new Shape("edition list", ("festivalKey", Shape.String), ("festivalName", Shape.String), ("editions", Shape.Array), ("count", Shape.Number)).Assert(body);
        Assert.Equal("wacken-open-air", body.Str("festivalKey"));
        Assert.Equal("Wacken Open Air", body.Str("festivalName"));
        Assert.Equal(body.Rows("editions").Count, body.Int("count"));
        FestivalDetailTests.AssertEditionShape(Assert.Single(body.Rows("editions")), Shape.EditionInFestival);
    }

    [Fact]
    public async Task Edition_by_year_has_exactly_the_edition_fields_with_its_festival_named()
    {
        var body = await fixture.Gateway.GetOkAsync("/api/festivals/wacken-open-air/editions/2026");

        new Shape("edition answer", ("edition", Shape.Object)).Assert(body);
        var edition = body.GetProperty("edition");
        FestivalDetailTests.AssertEditionShape(edition, Shape.Edition);
        Assert.Equal("wacken-open-air", edition.Str("festivalKey"));
        Assert.Equal("Wacken Open Air", edition.Str("festivalName"));
        Assert.Equal(2026, edition.Int("year"));
    }

    [Fact]
    public async Task Every_festival_edition_list_and_edition_by_year_equal_db_json_and_the_detail()
    {
        foreach (var festival in Expected.Festivals)
        {
            var detail = await fixture.Gateway.GetOkAsync($"/api/festivals/{festival.Key}");
            var list = await fixture.Gateway.GetOkAsync($"/api/festivals/{festival.Key}/editions");
            var byYear = (await fixture.Gateway.GetOkAsync($"/api/festivals/{festival.Key}/editions/{festival.Year}")).GetProperty("edition");

            Assert.Equal(festival.Key, list.Str("festivalKey"));
            Assert.Equal(festival.Name, list.Str("festivalName"));
            Assert.Equal(1, list.Int("count"));
            var listed = Assert.Single(list.Rows("editions"));
            FestivalDetailTests.AssertEditionMatches(festival, listed);
            Assert.Equal(detail.GetProperty("editions").GetRawText(), list.GetProperty("editions").GetRawText());

            Assert.Equal(festival.Key, byYear.Str("festivalKey"));
            Assert.Equal(festival.Name, byYear.Str("festivalName"));
            FestivalDetailTests.AssertEditionMatches(festival, byYear);
            foreach (var property in listed.EnumerateObject())
            {
                Assert.Equal(property.Value.GetRawText(), byYear.GetProperty(property.Name).GetRawText());
            }
        }
    }
}
