using System.Text.Json;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.PublicApi;

/// <summary><c>GET /api/bands</c> filters: q (a word of the name starts with it, any case), country (any case), genre (a genre key); total counts the filtered rows.</summary>
[Collection(AppCollection.Name)]
public sealed class BandFilterTests(AppFixture fixture)
{
    private Task<IReadOnlyList<JsonElement>> AllRowsAsync() => fixture.Gateway.GetWholeBandListAsync("/api/bands");

    private static List<string> Keys(IEnumerable<JsonElement> rows) => [.. rows.Select(r => r.Str("key")).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Q_keeps_the_bands_with_a_word_of_the_name_starting_with_it_in_any_case()
    {
        var all = await AllRowsAsync();

        var body = await fixture.Gateway.GetOkAsync("/api/bands?q=METAL&limit=500");

        var expected = Keys(all.Where(r => System.Text.RegularExpressions.Regex.IsMatch(r.Str("name"), @"(^|[^\p{L}\p{N}])metal", System.Text.RegularExpressions.RegexOptions.IgnoreCase)));
        Assert.DoesNotContain("babymetal", expected);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Keys(body.Rows("bands")));
        Assert.Equal(expected.Count, body.Int("total"));
    }

    [Fact]
    public async Task Country_keeps_the_bands_of_that_country_in_any_case()
    {
        var body = await fixture.Gateway.GetOkAsync("/api/bands?country=FINLAND&limit=500");

        var expected = Expected.Bands.Values.Where(b => b.Records.Any(r => string.Equals(Expected.Optional(r, "country"), "Finland", StringComparison.OrdinalIgnoreCase))).Select(b => b.Key).Order(StringComparer.Ordinal).ToList();
        Assert.True(expected.Count > 10);
        Assert.Equal(expected, Keys(body.Rows("bands")));
        Assert.Equal(expected.Count, body.Int("total"));
    }

    [Fact]
    public async Task Genre_keeps_the_bands_whose_genre_keys_hold_it_and_totals_the_genre_band_count()
    {
        var all = await AllRowsAsync();
        var genre = (await fixture.Gateway.GetOkAsync("/api/genres/nu-metal")).GetProperty("genre");

        var body = await fixture.Gateway.GetOkAsync("/api/bands?genre=nu-metal&limit=500");

        var expected = Keys(all.Where(r => r.Strings("genreKeys").Contains("nu-metal")));
        Assert.Contains("pod", expected);
        Assert.Equal(expected, Keys(body.Rows("bands")));
        Assert.Equal(genre.Int("bandCount"), body.Int("total"));
    }

    [Fact]
    public async Task Filters_combine_with_each_other_and_with_paging()
    {
        var all = await AllRowsAsync();

        var whole = await fixture.Gateway.GetOkAsync("/api/bands?country=germany&genre=heavy-metal&limit=500");
        var body = await fixture.Gateway.GetOkAsync("/api/bands?country=germany&genre=heavy-metal&limit=2&offset=1");

        var expected = Keys(all.Where(r => string.Equals(r.StrOrNull("country"), "Germany", StringComparison.OrdinalIgnoreCase) && r.Strings("genreKeys").Contains("heavy-metal")));
        Assert.True(expected.Count > 3);
        Assert.Equal(expected, Keys(whole.Rows("bands")));
        Assert.Equal(expected.Count, body.Int("total"));
        Assert.Equal(2, body.Int("count"));
        Assert.Equal(whole.Rows("bands").Skip(1).Take(2).Select(r => r.Str("key")), body.Rows("bands").Select(r => r.Str("key")));
    }

    [Fact]
    public async Task A_genre_no_band_has_gives_an_empty_page_with_total_0()
    {
        var body = await fixture.Gateway.GetOkAsync("/api/bands?genre=no-such-genre");

        Assert.Empty(body.Rows("bands"));
        Assert.Equal(0, body.Int("total"));
        Assert.Equal(0, body.Int("count"));
    }
}
