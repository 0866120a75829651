using System.Text.Json;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.PublicApi;

/// <summary><c>GET /api/festivals/{key}</c>: the festival and all its editions with their line-ups, as migrated from db.json.</summary>
[Collection(AppCollection.Name)]
public sealed class FestivalDetailTests(AppFixture fixture)
{
    [Fact]
    public async Task Festival_detail_has_exactly_the_seed_fields()
    {
        var body = await fixture.Gateway.GetOkAsync("/api/festivals/hellfest");

        new Shape("festival detail", ("festival", Shape.Object), ("editions", Shape.Array)).Assert(body);
        Shape.Festival.Assert(body.GetProperty("festival"));
        Shape.Coordinates.Assert(body.GetProperty("festival").GetProperty("coordinates"));
        var edition = Assert.Single(body.Rows("editions"));
        AssertEditionShape(edition, Shape.EditionInFestival);
    }

    [Fact]
    public async Task Every_festival_detail_matches_db_json()
    {
        foreach (var festival in Expected.Festivals)
        {
            var body = await fixture.Gateway.GetOkAsync($"/api/festivals/{festival.Key}");

            var detail = body.GetProperty("festival");
            Assert.Equal(festival.Key, detail.Str("key"));
            Assert.Equal(festival.Name, detail.Str("name"));
            Assert.Equal(festival.Location, detail.Str("location"));
            Assert.Equal(festival.Lat, detail.GetProperty("coordinates").GetProperty("lat").GetDouble());
            Assert.Equal(festival.Lng, detail.GetProperty("coordinates").GetProperty("lng").GetDouble());
            Assert.Equal(festival.Website, detail.StrOrNull("website"));
            Assert.Equal(festival.Poster, detail.StrOrNull("poster"));
            // db.json has no festival descriptions.
            Assert.Equal(JsonValueKind.Null, detail.GetProperty("description").ValueKind);

            AssertEditionMatches(festival, Assert.Single(body.Rows("editions")));
        }
    }

    [Theory]
    [InlineData("rock-in-ring", "babymetal", 0)] // listed at 3 and 0
    [InlineData("resurrection-fest", "pod", 2)] // 3 and 2
    [InlineData("tuska-open-air-2026", "pod", 2)] // 2, 2 and 3 (the last spelled "P.o.d")
    [InlineData("brutal-assault", "see-you-in-hell", 1)] // 1, 1 and 1
    [InlineData("karmygeddon-metal-festival-2026", "phil-campbell-the-bastard-sons", 1)] // 3, 2 and 1
    public async Task A_band_listed_several_times_on_a_line_up_appears_once_at_its_smallest_size(string festival, string band, int size)
    {
        var bands = (await fixture.Gateway.GetOkAsync($"/api/festivals/{festival}")).Rows("editions")[0].Rows("bands");

        var listed = Assert.Single(bands, b => b.Str("key") == band);
        Assert.Equal(size, listed.Int("size"));
    }

    [Fact]
    public async Task The_line_up_entry_without_a_key_is_listed_under_a_key_derived_from_its_name()
    {
        var bands = (await fixture.Gateway.GetOkAsync("/api/festivals/resurrection-fest")).Rows("editions")[0].Rows("bands");

        var derived = Expected.KeyOf("", "*******");
        Assert.Matches("^band-[0-9a-f]{8}$", derived);
        var listed = Assert.Single(bands, b => b.Str("key") == derived);
        Assert.Equal("*******", listed.Str("name"));
        Assert.Equal(2, listed.Int("size"));
        Assert.DoesNotContain(bands, b => b.Str("key") == "");
    }

    /// <summary>An edition (with or without its festival's name), its dates and each line-up band, field by field.</summary>
    internal static void AssertEditionShape(JsonElement edition, Shape shape)
    {
        shape.Assert(edition);
        Shape.Dates.Assert(edition.GetProperty("dates"));
        edition.GetProperty("dates").Date("start");
        edition.GetProperty("dates").Date("end");
        Assert.NotEmpty(edition.Rows("bands"));
        Assert.All(edition.Rows("bands"), Shape.LineupBand.Assert);
    }

    /// <summary>The db.json festival's only edition: year of the start date, dates, price in EUR, status, line-up.</summary>
    internal static void AssertEditionMatches(Expected.FestivalData festival, JsonElement edition)
    {
        Assert.Equal(festival.Year, edition.Int("year"));
        Assert.Equal(festival.Start, edition.GetProperty("dates").Date("start"));
        Assert.Equal(festival.End, edition.GetProperty("dates").Date("end"));
        Assert.Equal(festival.TicketPrice, edition.GetProperty("ticketPrice").GetDecimal());
        Assert.Equal(Expected.Currency, edition.Str("currency"));
        Assert.Equal(Expected.Status(festival), edition.Str("status"));

        var bands = edition.Rows("bands");
        var keys = bands.Select(b => b.Str("key")).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(festival.Lineup.Keys.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
        Assert.All(bands, band =>
        {
            var expected = festival.Lineup[band.Str("key")];
            Assert.Equal(expected.Name, band.Str("name"));
            Assert.Equal(expected.Size, band.Int("size"));
        });
    }
}
