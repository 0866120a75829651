using System.Text.Json;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.PublicApi;

/// <summary><c>GET /api/festivals</c> filters: q, country, from/to, near (+ radiusKm).</summary>
[Collection(AppCollection.Name)]
public sealed class FestivalFilterTests(AppFixture fixture)
{
    // Paris: no festival of the real data is within 10 km of the 600 km radius used below.
    private const double ParisLat = 48.8566;
    private const double ParisLng = 2.3522;

    private async Task<IReadOnlyList<JsonElement>> RowsAsync(string query) =>
        (await fixture.Gateway.GetOkAsync("/api/festivals?" + query)).Rows("festivals");

    private static IEnumerable<string> Keys(IEnumerable<JsonElement> rows) => rows.Select(r => r.Str("festivalKey")).Order(StringComparer.Ordinal);

    private static bool WordStarts(string text, string word) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, $@"(^|[^\p{{L}}\p{{N}}]){word}", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    private static IEnumerable<string> KeysWhere(Func<Expected.FestivalData, bool> predicate) =>
        Expected.Festivals.Where(predicate).Select(f => f.Key).Order(StringComparer.Ordinal);

    [Fact]
    public async Task Q_keeps_the_festivals_with_a_word_of_the_name_or_location_starting_with_it_in_any_case()
    {
        var rows = await RowsAsync("q=ROCK");

        var expected = KeysWhere(f => WordStarts(f.Name, "rock") || WordStarts(f.Location, "rock")).ToList();
        Assert.Equal(12, expected.Count);
        Assert.Equal(expected, Keys(rows));
    }

    [Theory]
    [InlineData("sun%20%26%20thunder", "sun-thunder-2026")]
    [InlineData("KAME%C5%87OM", "rock-pod-kamenom")]
    [InlineData("%20%20hellfest%20", "hellfest")]
    public async Task Q_is_decoded_trimmed_and_matched_beyond_ascii(string q, string key)
    {
        var rows = await RowsAsync("q=" + q);

        Assert.Equal([key], Keys(rows));
    }

    [Fact]
    public async Task Country_keeps_the_festivals_located_in_that_country_in_any_case()
    {
        var rows = await RowsAsync("country=germany");

        var expected = KeysWhere(f => f.Location.EndsWith(", Germany", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, expected.Count);
        Assert.Equal(expected, Keys(rows));
    }

    [Fact]
    public async Task From_and_to_keep_the_festivals_whose_latest_edition_overlaps_the_range()
    {
        var from = new DateOnly(2026, 8, 1);
        var to = new DateOnly(2026, 8, 10);

        var rows = await RowsAsync("from=2026-08-01&to=2026-08-10");

        var expected = KeysWhere(f => f.End >= from && f.Start <= to).ToList();
        Assert.Equal(6, expected.Count);
        Assert.Equal(expected, Keys(rows));
    }

    [Fact]
    public async Task From_alone_keeps_the_festivals_not_ended_before_it()
    {
        var rows = await RowsAsync("from=2026-08-14");

        Assert.Equal(KeysWhere(f => f.End >= new DateOnly(2026, 8, 14)), Keys(rows));
    }

    [Fact]
    public async Task To_alone_keeps_the_festivals_started_by_it()
    {
        var rows = await RowsAsync("to=2026-06-05");

        Assert.Equal(KeysWhere(f => f.Start <= new DateOnly(2026, 6, 5)), Keys(rows));
    }

    [Fact]
    public async Task Filters_combine_and_count_follows_the_rows()
    {
        var body = await fixture.Gateway.GetOkAsync("/api/festivals?q=rock&country=Germany");

        var expected = KeysWhere(f => (WordStarts(f.Name, "rock") || WordStarts(f.Location, "rock")) && f.Country == "Germany").ToList();
        Assert.Equal(3, expected.Count);
        Assert.Equal(expected, Keys(body.Rows("festivals")));
        Assert.Equal(expected.Count, body.Int("count"));
    }

    [Fact]
    public async Task A_filter_matching_nothing_gives_an_empty_list_with_count_0()
    {
        var body = await fixture.Gateway.GetOkAsync("/api/festivals?q=no-festival-is-called-this");

        Assert.Empty(body.Rows("festivals"));
        Assert.Equal(0, body.Int("count"));
    }

    [Fact]
    public async Task Near_adds_the_great_circle_distance_to_every_row_and_sorts_nearest_first()
    {
        var rows = await RowsAsync($"near={ParisLat},{ParisLng}");

        Assert.Equal(Expected.Festivals.Count, rows.Count);
        var distances = rows.Select(r => r.GetProperty("distanceKm").GetDouble()).ToList();
        Assert.Equal(distances.Order(), distances);
        Assert.All(rows, row =>
        {
            var festival = Expected.FestivalsByKey[row.Str("festivalKey")];
            Assert.Equal(DistanceKm(ParisLat, ParisLng, festival.Lat, festival.Lng), row.GetProperty("distanceKm").GetDouble(), 0.11);
            Assert.Equal(Shape.FestivalRow.Properties.Append("distanceKm").Order(StringComparer.Ordinal), row.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        });
        Assert.Equal("alcatraz-open-air-2026", rows[0].Str("festivalKey"));
    }

    [Fact]
    public async Task RadiusKm_keeps_only_the_festivals_within_the_radius()
    {
        var rows = await RowsAsync($"near={ParisLat},{ParisLng}&radiusKm=600");

        var expected = KeysWhere(f => DistanceKm(ParisLat, ParisLng, f.Lat, f.Lng) <= 600).ToList();
        Assert.DoesNotContain(Expected.Festivals, f => Math.Abs(DistanceKm(ParisLat, ParisLng, f.Lat, f.Lng) - 600) < 10);
        Assert.Equal(11, expected.Count);
        Assert.Equal(expected, Keys(rows));
        Assert.All(rows, row => Assert.InRange(row.GetProperty("distanceKm").GetDouble(), 0, 600));
    }

    [Fact]
    public async Task Near_combines_with_the_other_filters()
    {
        var rows = await RowsAsync($"near={ParisLat},{ParisLng}&country=germany&radiusKm=650");

        Assert.Equal(["reload-festival-2026", "rock-in-park", "rock-in-ring", "summer-breeze"], Keys(rows));
        Assert.Equal("rock-in-ring", rows[0].Str("festivalKey"));
    }

    /// <summary>Haversine on the mean Earth radius.</summary>
    private static double DistanceKm(double lat1, double lng1, double lat2, double lng2)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var h = Math.Pow(Math.Sin(Radians(lat2 - lat1) / 2), 2)
            + Math.Cos(Radians(lat1)) * Math.Cos(Radians(lat2)) * Math.Pow(Math.Sin(Radians(lng2 - lng1) / 2), 2);
        return 2 * 6371.0088 * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
