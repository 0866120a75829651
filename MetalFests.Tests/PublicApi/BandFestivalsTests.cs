using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.PublicApi;

/// <summary><c>GET /api/bands/{key}/festivals</c>: the editions whose line-up lists the band.</summary>
[Collection(AppCollection.Name)]
public sealed class BandFestivalsTests(AppFixture fixture)
{
    [Fact]
    public async Task Band_festivals_names_the_band_and_has_exactly_the_appearance_fields()
    {
        var body = await fixture.Gateway.GetOkAsync("/api/bands/pod/festivals");

        new Shape("band festivals", ("bandKey", Shape.String), ("bandName", Shape.String), ("festivals", Shape.Array), ("count", Shape.Number)).Assert(body);
        Assert.Equal("pod", body.Str("bandKey"));
        Assert.Equal("P.o.d.", body.Str("bandName"));
        Assert.Equal(body.Rows("festivals").Count, body.Int("count"));
        Assert.NotEmpty(body.Rows("festivals"));
        Assert.All(body.Rows("festivals"), row =>
        {
            Shape.Appearance.Assert(row);
            Shape.Dates.Assert(row.GetProperty("dates"));
        });
    }

    [Theory]
    [MemberData(nameof(BandDetailTests.SampleKeys), MemberType = typeof(BandDetailTests))]
    public async Task A_sampled_band_appears_on_exactly_the_line_ups_of_db_json_listing_it(string key)
    {
        var body = await fixture.Gateway.GetOkAsync($"/api/bands/{key}/festivals");

        var expected = Expected.Festivals.Where(f => f.Lineup.ContainsKey(key)).ToList();
        var rows = body.Rows("festivals");
        Assert.Equal(key, body.Str("bandKey"));
        Assert.Equal(Expected.Bands[key].FestivalCount, body.Int("count"));
        Assert.Equal(expected.Select(f => f.Key).Order(StringComparer.Ordinal), rows.Select(r => r.Str("festivalKey")).Order(StringComparer.Ordinal));
        Assert.All(rows, row =>
        {
            var festival = Expected.FestivalsByKey[row.Str("festivalKey")];
            Assert.Equal(festival.Name, row.Str("festivalName"));
            Assert.Equal(festival.Location, row.Str("location"));
            Assert.Equal(festival.Year, row.Int("year"));
            Assert.Equal(festival.Start, row.GetProperty("dates").Date("start"));
            Assert.Equal(festival.End, row.GetProperty("dates").Date("end"));
            Assert.Equal(festival.Lineup[key].Size, row.Int("size"));
        });
    }

    [Fact]
    public async Task A_band_listed_several_times_on_a_line_up_appears_once_at_its_smallest_size()
    {
        var rows = (await fixture.Gateway.GetOkAsync("/api/bands/pod/festivals")).Rows("festivals").ToDictionary(r => r.Str("festivalKey"), r => r.Int("size"));

        // db.json lists P.O.D. twice on Copenhell (3, 3), twice on Resurrection (3, 2), three times on Tuska (2, 2, 3).
        Assert.Equal(3, rows["copenhell"]);
        Assert.Equal(2, rows["resurrection-fest"]);
        Assert.Equal(2, rows["tuska-open-air-2026"]);
        Assert.Equal(8, rows.Count);
    }

    [Fact]
    public async Task Band_festivals_are_ordered_by_start_date_then_festival_key()
    {
        var rows = (await fixture.Gateway.GetOkAsync("/api/bands/trivium/festivals")).Rows("festivals");

        Assert.Equal(15, rows.Count);
        var order = rows.Select(r => (r.GetProperty("dates").Date("start"), r.Str("festivalKey"))).ToList();
        Assert.Equal(order.OrderBy(o => o.Item1).ThenBy(o => o.Item2, StringComparer.Ordinal), order);
    }

    [Fact]
    public async Task A_band_on_no_line_up_has_an_empty_festival_list()
    {
        var key = Expected.Bands.Values.Where(b => b.FestivalCount == 0).Select(b => b.Key).Order(StringComparer.Ordinal).First();

        var body = await fixture.Gateway.GetOkAsync($"/api/bands/{key}/festivals");

        Assert.Equal(key, body.Str("bandKey"));
        Assert.Empty(body.Rows("festivals"));
        Assert.Equal(0, body.Int("count"));
    }
}
