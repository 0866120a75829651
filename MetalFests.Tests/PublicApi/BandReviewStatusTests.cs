using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.PublicApi;

/// <summary><c>/api/bands/reviewed</c>, <c>/api/bands/unreviewed</c> and <c>?reviewed=</c>: bands split by review status.</summary>
[Collection(AppCollection.Name)]
public sealed class BandReviewStatusTests(AppFixture fixture)
{
    private async Task<List<string>> KeysAsync(string path) =>
        [.. (await fixture.Gateway.GetWholeBandListAsync(path)).Select(r => r.Str("key"))];

    [Fact]
    public async Task Reviewed_lists_exactly_the_bands_reviewed_in_db_json()
    {
        var keys = await KeysAsync("/api/bands/reviewed");

        var expected = Expected.Bands.Values.Where(b => b.Reviewed).Select(b => b.Key).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(43, expected.Count);
        Assert.Equal(expected, keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Unreviewed_lists_every_other_band_stubs_included()
    {
        var keys = await KeysAsync("/api/bands/unreviewed");

        var expected = Expected.Bands.Values.Where(b => !b.Reviewed).Select(b => b.Key).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Expected.Bands.Count - 43, expected.Count);
        Assert.Equal(expected, keys.Order(StringComparer.Ordinal));
        Assert.Contains("100-kilo-heart", keys);
    }

    [Fact]
    public async Task Review_status_rows_are_the_band_list_rows_and_say_their_status()
    {
        var all = (await fixture.Gateway.GetWholeBandListAsync("/api/bands")).ToDictionary(r => r.Str("key"), r => r.GetRawText());
        var reviewed = await fixture.Gateway.GetWholeBandListAsync("/api/bands/reviewed");
        var unreviewed = await fixture.Gateway.GetWholeBandListAsync("/api/bands/unreviewed");

        Assert.All(reviewed, row => Assert.True(row.GetProperty("reviewed").GetBoolean()));
        Assert.All(unreviewed, row => Assert.False(row.GetProperty("reviewed").GetBoolean()));
        Assert.Equal(all.Count, reviewed.Count + unreviewed.Count);
        Assert.All(reviewed.Concat(unreviewed), row => Assert.Equal(all[row.Str("key")], row.GetRawText()));
    }

    [Theory]
    [InlineData("true", "/api/bands/reviewed")]
    [InlineData("false", "/api/bands/unreviewed")]
    public async Task The_reviewed_query_equals_its_endpoint(string reviewed, string endpoint)
    {
        var byQuery = await fixture.Gateway.GetOkAsync($"/api/bands?reviewed={reviewed}&limit=500");
        var byPath = await fixture.Gateway.GetOkAsync($"{endpoint}?limit=500");

        Assert.Equal(byPath.GetRawText(), byQuery.GetRawText());
    }

    [Fact]
    public async Task Review_status_endpoints_take_the_list_filters()
    {
        var rows = (await fixture.Gateway.GetOkAsync("/api/bands/reviewed?country=sweden")).Rows("bands");

        var expected = Expected.Bands.Values
            .Where(b => b.Reviewed && b.Records.Any(r => string.Equals(Expected.Optional(r, "country"), "Sweden", StringComparison.OrdinalIgnoreCase)))
            .Select(b => b.Key).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, rows.Select(r => r.Str("key")).Order(StringComparer.Ordinal));
    }
}
