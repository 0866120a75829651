using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.PublicApi;

/// <summary><c>GET /api/festivals</c>: every festival's row, in the seed's shape, as migrated from db.json.</summary>
[Collection(AppCollection.Name)]
public sealed class FestivalListTests(AppFixture fixture)
{
    [Fact]
    public async Task Festival_list_is_exactly_festivals_and_their_count()
    {
        var body = await fixture.Gateway.GetOkAsync("/api/festivals");

        new Shape("festival list", ("festivals", Shape.Array), ("count", Shape.Number)).Assert(body);
        Assert.Equal(body.Rows("festivals").Count, body.Int("count"));
    }

    [Fact]
    public async Task Festival_list_rows_have_exactly_the_seed_fields()
    {
        var rows = (await fixture.Gateway.GetOkAsync("/api/festivals")).Rows("festivals");

        Assert.NotEmpty(rows);
        Assert.All(rows, row =>
        {
            Shape.FestivalRow.Assert(row);
            Shape.Coordinates.Assert(row.GetProperty("coordinates"));
            Shape.LatestEdition.Assert(row.GetProperty("latestEdition"));
            Shape.Dates.Assert(row.GetProperty("latestEdition").GetProperty("dates"));
            row.GetProperty("latestEdition").GetProperty("dates").Date("start");
            row.GetProperty("latestEdition").GetProperty("dates").Date("end");
            Shape.AssertArrayOf(row.GetProperty("editions"), Shape.Number, "editions");
        });
    }

    [Fact]
    public async Task Festival_list_holds_each_of_the_33_festivals_of_db_json_once()
    {
        var keys = (await fixture.Gateway.GetOkAsync("/api/festivals")).Rows("festivals").Select(r => r.Str("festivalKey")).ToList();

        Assert.Equal(33, Expected.Festivals.Count);
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(Expected.FestivalsByKey.Keys.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_festival_row_matches_db_json_with_its_single_2026_edition_as_latest()
    {
        var rows = (await fixture.Gateway.GetOkAsync("/api/festivals")).Rows("festivals").ToDictionary(r => r.Str("festivalKey"));

        Assert.All(Expected.Festivals, festival =>
        {
            var row = rows[festival.Key];
            Assert.Equal(festival.Name, row.Str("festivalName"));
            Assert.Equal(festival.Location, row.Str("location"));
            Assert.Equal(festival.Lat, row.GetProperty("coordinates").GetProperty("lat").GetDouble());
            Assert.Equal(festival.Lng, row.GetProperty("coordinates").GetProperty("lng").GetDouble());
            Assert.Equal(festival.Website, row.StrOrNull("website"));
            Assert.Equal(festival.Poster, row.StrOrNull("poster"));

            var latest = row.GetProperty("latestEdition");
            Assert.Equal(festival.Year, latest.Int("year"));
            Assert.Equal(festival.Start, latest.GetProperty("dates").Date("start"));
            Assert.Equal(festival.End, latest.GetProperty("dates").Date("end"));
            Assert.Equal(festival.Lineup.Count, latest.Int("bandCount"));
            Assert.Equal(festival.TicketPrice, latest.GetProperty("ticketPrice").GetDecimal());
            Assert.Equal(Expected.Currency, latest.Str("currency"));

            Assert.Equal([festival.Year], row.GetProperty("editions").EnumerateArray().Select(y => y.GetInt32()));
            Assert.Equal(1, row.Int("totalEditions"));
        });
    }

    [Fact]
    public async Task Festival_rows_have_no_distance_without_near()
    {
        var rows = (await fixture.Gateway.GetOkAsync("/api/festivals?q=fest")).Rows("festivals");

        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.False(row.TryGetProperty("distanceKm", out _), $"{row.Str("festivalKey")} has distanceKm"));
    }
}
