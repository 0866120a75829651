using System.Text.Json;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.PublicApi;

/// <summary><c>GET /api/bands</c>: every band's row, in the seed's shape, as migrated from db.json.</summary>
[Collection(AppCollection.Name)]
public sealed partial class BandListTests(AppFixture fixture)
{
    private Task<IReadOnlyList<JsonElement>> AllRowsAsync() => fixture.Gateway.GetWholeBandListAsync("/api/bands");

    [Fact]
    public async Task Band_page_has_exactly_the_seed_row_fields_and_the_paging_fields()
    {
        var body = await fixture.Gateway.GetOkAsync("/api/bands");

        Shape.Page("bands").Assert(body);
        Assert.Equal(100, body.Int("limit"));
        Assert.Equal(0, body.Int("offset"));
        Assert.Equal(100, body.Int("count"));
        Assert.All(body.Rows("bands"), row =>
        {
            Shape.BandRow.Assert(row);
            Shape.AssertArrayOf(row.GetProperty("genreKeys"), Shape.String, "genreKeys");
            Shape.AssertArrayOf(row.GetProperty("genreNames"), Shape.String, "genreNames");
        });
    }

    [Fact]
    public async Task The_band_list_holds_every_band_key_of_db_json_once_and_a_stub_per_dangling_line_up_key()
    {
        var rows = await AllRowsAsync();

        var keys = rows.Select(r => r.Str("key")).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        // 1693 distinct keys, the record without a key, 92 dangling line-up keys and the line-up entry without a key.
        Assert.Equal(1693 + 1 + 92 + 1, Expected.Bands.Count);
        Assert.Equal(Expected.Bands.Keys.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
        Assert.Superset(RealData.Instance.BandKeys.ToHashSet(), keys.ToHashSet());
    }

    [Fact]
    public async Task Every_band_row_matches_db_json_with_festival_count_the_number_of_line_ups_listing_it()
    {
        var rows = await AllRowsAsync();
        var genres = await GenreKeysAsync(fixture.Gateway);

        Assert.All(rows, row =>
        {
            var band = Expected.Bands[row.Str("key")];
            Assert.Equal(band.FestivalCount, row.Int("festivalCount"));
            Assert.Equal(band.Reviewed, row.GetProperty("reviewed").GetBoolean());
            if (band.IsStub)
            {
                Assert.Equal(band.StubNames[0], row.Str("name"));
                Assert.Null(row.StrOrNull("country"));
                Assert.Null(row.StrOrNull("logo"));
                Assert.Empty(row.Strings("genreKeys"));
                return;
            }
            Assert.Equal(Expected.Clean(band.Records[0].Str("name")), row.Str("name"));
            AssertMergedValue(band, "country", row.StrOrNull("country"));
            AssertMergedValue(band, "logo", row.StrOrNull("logo"));
            AssertGenreKeys(band, row.Strings("genreKeys"), genres);
        });
    }

    [Fact]
    public async Task Trivium_is_on_the_most_line_ups_15_and_95_bands_are_on_none()
    {
        var rows = await AllRowsAsync();

        var top = rows.MaxBy(r => r.Int("festivalCount"))!;
        Assert.Equal("trivium", top.Str("key"));
        Assert.Equal(15, top.Int("festivalCount"));
        // 94 keys of the file and the record without a key.
        Assert.Equal(95, Expected.Bands.Values.Count(b => b.FestivalCount == 0));
        Assert.Equal(95, rows.Count(r => r.Int("festivalCount") == 0));
    }

    [Fact]
    public async Task Genre_names_of_a_row_are_the_names_of_its_genre_keys_in_the_genre_list()
    {
        var rows = await AllRowsAsync();
        var genres = (await fixture.Gateway.GetOkAsync("/api/genres")).Rows("genres").ToDictionary(g => g.Str("key"), g => g.Str("name"));

        Assert.All(rows, row => Assert.Equal(row.Strings("genreKeys").Select(k => genres[k]), row.Strings("genreNames")));
    }

    /// <summary>
    /// A band's value of an optional field: the record's (cleaned, blank as null); for a key shared by
    /// several records, the value of one of them (null only when none has one).
    /// </summary>
    internal static void AssertMergedValue(Expected.BandData band, string property, string? actual)
    {
        var values = band.Records.Select(r => Expected.Optional(r, property)).ToList();
        if (!band.IsMerged)
        {
            Assert.Equal(values[0], actual);
        }
        else if (values.All(v => v is null))
        {
            Assert.Null(actual);
        }
        else
        {
            Assert.Contains(actual, values.OfType<string>());
        }
    }

    /// <summary>The keys of the catalog's genres.</summary>
    internal static async Task<IReadOnlySet<string>> GenreKeysAsync(HttpClient gateway) =>
        (await gateway.GetOkAsync("/api/genres")).Rows("genres").Select(g => g.Str("key")).ToHashSet();

    /// <summary>
    /// A band's genre keys by the test's own rule, for plain genre strings (ASCII letters, spaces and hyphens): the key is
    /// the string lower-cased, runs of spaces and hyphens one hyphen ("Nu-Metal" = "Nu Metal" = nu-metal). A plain
    /// string whose key the catalog does not list was taken into another genre (an alias such as "Punkrock"), and
    /// other strings ("Rock'n'Roll", "Black/Death Metal") follow rules of their own: those are only bounded, not named.
    /// The keys are distinct and in the record's order; for a merged key, the union of its records' keys.
    /// </summary>
    internal static void AssertGenreKeys(Expected.BandData band, IReadOnlyList<string> actual, IReadOnlySet<string> catalog)
    {
        var strings = band.Records.SelectMany(r => r.GetProperty("genres").EnumerateArray().Select(g => g.GetString()!)).ToList();
        var plain = strings.Where(g => PlainGenre().IsMatch(g)).Select(g => GenreSeparators().Replace(g.Trim().ToLowerInvariant(), "-").Trim('-')).ToList();
        var named = plain.Where(catalog.Contains).Distinct().ToList();

        Assert.Equal(actual.Count, actual.Distinct().Count());
        Assert.All(actual, key => Assert.Contains(key, catalog));
        Assert.Superset(named.ToHashSet(), actual.ToHashSet());
        Assert.InRange(actual.Count, named.Count, strings.Distinct().Count());
        if (!band.IsMerged && plain.Count == strings.Count && named.Count == plain.Distinct().Count())
        {
            Assert.Equal(named, actual);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z -]*[A-Za-z][A-Za-z -]*$")]
    private static partial System.Text.RegularExpressions.Regex PlainGenre();

    [System.Text.RegularExpressions.GeneratedRegex("[ -]+")]
    private static partial System.Text.RegularExpressions.Regex GenreSeparators();
}
