using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.PublicApi;

/// <summary><c>/api/genres</c>, <c>/api/genres/{key}</c>, <c>/api/genres/{key}/bands</c>: the genres the bands reference, counted.</summary>
[Collection(AppCollection.Name)]
public sealed class GenreTests(AppFixture fixture)
{
    [Fact]
    public async Task Genre_list_has_exactly_the_seed_fields()
    {
        var body = await fixture.Gateway.GetOkAsync("/api/genres");

        new Shape("genre list", ("genres", Shape.Array), ("count", Shape.Number)).Assert(body);
        Assert.Equal(body.Rows("genres").Count, body.Int("count"));
        Assert.All(body.Rows("genres"), Shape.GenreRow.Assert);
    }

    [Fact]
    public async Task The_genres_are_exactly_those_the_bands_reference_each_counting_its_bands()
    {
        var bands = await fixture.Gateway.GetWholeBandListAsync("/api/bands");
        var genres = (await fixture.Gateway.GetOkAsync("/api/genres")).Rows("genres");

        var counts = bands.SelectMany(b => b.Strings("genreKeys")).GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
        var keys = genres.Select(g => g.Str("key")).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(counts.Keys.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
        Assert.All(genres, genre => Assert.Equal(counts[genre.Str("key")], genre.Int("bandCount")));
    }

    [Theory]
    [InlineData("nu-metal")]
    [InlineData("heavy-metal")]
    [InlineData("aor")]
    public async Task Genre_detail_has_exactly_the_seed_fields_and_agrees_with_its_list_row(string key)
    {
        var row = (await fixture.Gateway.GetOkAsync("/api/genres")).Rows("genres").Single(g => g.Str("key") == key);

        var body = await fixture.Gateway.GetOkAsync($"/api/genres/{key}");

        new Shape("genre answer", ("genre", Shape.Object)).Assert(body);
        var genre = body.GetProperty("genre");
        Shape.Genre.Assert(genre);
        Assert.Equal(key, genre.Str("key"));
        Assert.Equal(row.Str("name"), genre.Str("name"));
        Assert.Equal(row.Int("bandCount"), genre.Int("bandCount"));
    }

    [Fact]
    public async Task Genre_bands_names_the_genre_and_has_the_paging_fields()
    {
        var body = await fixture.Gateway.GetOkAsync("/api/genres/nu-metal/bands");

        Shape.Page("bands", ("genreKey", Shape.String), ("genreName", Shape.String)).Assert(body);
        Assert.Equal("nu-metal", body.Str("genreKey"));
        Assert.Equal("Nu Metal", body.Str("genreName"));
        Assert.Equal(100, body.Int("limit"));
        Assert.NotEmpty(body.Rows("bands"));
        Assert.All(body.Rows("bands"), Shape.GenreBand.Assert);
    }

    [Fact]
    public async Task Genre_bands_of_the_largest_genre_are_the_bands_holding_it_as_the_band_list_shows_them()
    {
        var bands = (await fixture.Gateway.GetWholeBandListAsync("/api/bands")).ToDictionary(b => b.Str("key"));
        var largest = (await fixture.Gateway.GetOkAsync("/api/genres")).Rows("genres").MaxBy(g => g.Int("bandCount"))!;
        var key = largest.Str("key");

        var members = await fixture.Gateway.GetAllPagesAsync($"/api/genres/{key}/bands", "bands", 500);

        Assert.Equal(largest.Int("bandCount"), members.Count);
        Assert.Equal(
            bands.Values.Where(b => b.Strings("genreKeys").Contains(key)).Select(b => b.Str("key")).Order(StringComparer.Ordinal),
            members.Select(m => m.Str("key")).Order(StringComparer.Ordinal));
        Assert.All(members, member =>
        {
            var band = bands[member.Str("key")];
            Assert.Equal(band.Str("name"), member.Str("name"));
            Assert.Equal(band.GetProperty("country").GetRawText(), member.GetProperty("country").GetRawText());
            Assert.Equal(band.GetProperty("reviewed").GetBoolean(), member.GetProperty("reviewed").GetBoolean());
        });
    }

    [Fact]
    public async Task Genre_band_totals_equal_the_band_counts_of_a_sample_of_genres()
    {
        var all = (await fixture.Gateway.GetOkAsync("/api/genres")).Rows("genres");
        // Every 10th genre by key, a page of one band each (the largest is read whole in the test above).
        var genres = all.OrderBy(g => g.Str("key"), StringComparer.Ordinal).Where((_, i) => i % 10 == 0).ToList();
        Assert.True(genres.Count > 40);

        var mismatches = new List<string>();
        foreach (var genre in genres)
        {
            var page = await fixture.Gateway.GetOkAsync($"/api/genres/{genre.Str("key")}/bands?limit=1");
            if (page.Int("total") != genre.Int("bandCount") || page.Str("genreName") != genre.Str("name"))
            {
                mismatches.Add($"{genre.Str("key")}: total {page.Int("total")} vs bandCount {genre.Int("bandCount")}");
            }
        }
        Assert.Empty(mismatches);
    }
}
