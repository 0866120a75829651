using System.Text.Json;
using System.Text.RegularExpressions;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.PublicApi;

/// <summary>
/// <c>q</c> as people expect it, on bands and festivals alike: case and accents do not matter, a query
/// matches where a word starts (never inside a word), and exact matches come first, then names that
/// start with the query, then names with a later word that does. Cases chosen from db.json; orders
/// computed by this test's own rule (below) over the names the API lists.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class SearchRulesTests(AppFixture fixture)
{
    private async Task<List<string>> BandKeysAsync(string q) =>
        [.. (await fixture.Gateway.GetOkAsync($"/api/bands?limit=500&q={Uri.EscapeDataString(q)}")).Rows("bands").Select(r => r.Str("key"))];

    private async Task<List<string>> FestivalKeysAsync(string q) =>
        [.. (await fixture.Gateway.GetOkAsync($"/api/festivals?q={Uri.EscapeDataString(q)}")).Rows("festivals").Select(r => r.Str("festivalKey"))];

    [Theory]
    [InlineData("hallas", "hllas")]          // Hällas
    [InlineData("HÄLLAS", "hllas")]
    [InlineData("solstafir", "slstafir")]    // Sólstafir
    [InlineData("SÓLSTAFIR", "slstafir")]
    [InlineData("QUEENSRYCHE", "queensrche")] // Queensrÿche (its key as db.json spells it)
    public async Task Band_search_ignores_case_and_accents(string q, string key)
    {
        Assert.Contains(key, await BandKeysAsync(q));
    }

    [Fact]
    public async Task Band_search_matches_the_start_of_a_word_never_the_inside()
    {
        var iron = await BandKeysAsync("iron");
        var sol = await BandKeysAsync("sol");

        Assert.Contains("iron-maiden", iron);
        Assert.DoesNotContain("gridiron", iron);
        Assert.Contains("slstafir", sol);
        Assert.Contains("soldier", sol);
        Assert.DoesNotContain("resolver", sol);
        Assert.DoesNotContain("desolated", sol);
    }

    [Fact]
    public async Task Band_search_ranks_exact_then_name_prefix_then_later_word_matches()
    {
        var all = await fixture.Gateway.GetWholeBandListAsync("/api/bands");

        var found = await BandKeysAsync("metal");

        var expected = RankedByTestRule(all.Select(r => (r.Str("key"), new[] { r.Str("name") })), "metal");
        Assert.Equal(expected, found);
        // Anchors from db.json, whatever the rule above says.
        Assert.True(found.IndexOf("metallica") < found.IndexOf("baby-metal"));
        Assert.True(found.IndexOf("metal-church") < found.IndexOf("eagles-of-death-metal"));
        Assert.DoesNotContain("babymetal", found);
    }

    [Fact]
    public async Task An_exact_band_name_comes_first_even_before_keys_that_sort_earlier()
    {
        var priest = await BandKeysAsync("priest");
        var incantation = await BandKeysAsync("Incantation");

        Assert.Equal("priest", priest[0]);
        Assert.Contains("judas-priest", priest);
        Assert.Equal(["incantation", "blood-incantation"], incantation);
    }

    [Theory]
    [InlineData("solvesborg", "sweden-rock-festival")]   // Sölvesborg, Sweden: the location
    [InlineData("KARMOY", "karmygeddon-metal-festival-2026")] // Karmøygeddon
    [InlineData("jaromer", "brutal-assault")]            // Jaroměř
    [InlineData("kamenom", "rock-pod-kamenom")]          // Rock Pod Kameňom
    [InlineData("nurburg", "rock-in-ring")]              // Nürburgring
    public async Task Festival_search_ignores_case_and_accents_in_name_and_location(string q, string key)
    {
        Assert.Equal([key], await FestivalKeysAsync(q));
    }

    [Fact]
    public async Task Festival_search_matches_word_starts_in_name_location_and_country_names_first()
    {
        var listed = (await fixture.Gateway.GetOkAsync("/api/festivals")).Rows("festivals")
            .Select(r => (r.Str("festivalKey"), new[] { r.Str("festivalName"), r.Str("location"), r.Str("location").Split(',')[^1].Trim() }))
            .ToList();

        var rock = await FestivalKeysAsync("rock");
        var spain = await FestivalKeysAsync("spain");
        var park = await FestivalKeysAsync("park");

        Assert.Equal(RankedByTestRule(listed, "rock"), rock);
        Assert.Equal(12, rock.Count);
        Assert.DoesNotContain("bloodstock-open-air", rock);
        Assert.Equal(Expected.Festivals.Where(f => f.Country == "Spain").Select(f => f.Key).Order(StringComparer.Ordinal), spain.Order(StringComparer.Ordinal));
        // "Rock in Park" by its name before "Download Festival" by its location (Donington Park).
        Assert.Equal(["rock-in-park", "download-festival"], park);
    }

    [Fact]
    public async Task A_festival_name_in_full_finds_that_festival()
    {
        Assert.Equal(["rock-in-ring"], await FestivalKeysAsync("rock in ring"));
        Assert.Equal(["hellfest"], await FestivalKeysAsync("HELLFEST"));
    }

    /// <summary>
    /// This test's own rule: lower case and letters without their accents (decomposed, marks dropped, a few
    /// letters spelled out), a match where a word starts; rank by the first field that matches, in it exact,
    /// then the field's start, then a later word's; ties in the list's own order.
    /// </summary>
    private static List<string> RankedByTestRule(IEnumerable<(string Key, string[] Fields)> rows, string q) =>
    [
        .. rows
            .Select((row, order) => (row.Key, Rank: Rank(row.Fields, q), order))
            .Where(r => r.Rank is not null)
            .OrderBy(r => r.Rank).ThenBy(r => r.order)
            .Select(r => r.Key),
    ];

    private static int? Rank(string[] fields, string q)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            var text = Plain(fields[i]);
            if (text == q) return i * 3;
            if (text.StartsWith(q, StringComparison.Ordinal)) return i * 3 + 1;
            if (Regex.IsMatch(text, $@"[^\p{{L}}\p{{N}}]{Regex.Escape(q)}")) return i * 3 + 2;
        }
        return null;
    }

    // The accented letters of the names these tests search (db.json), spelled plain: the test's own short list.
    private static readonly Dictionary<char, string> PlainLetters = new()
    {
        ['ä'] = "a",
        ['á'] = "a",
        ['å'] = "a",
        ['ö'] = "o",
        ['ó'] = "o",
        ['ø'] = "o",
        ['ü'] = "u",
        ['ú'] = "u",
        ['é'] = "e",
        ['ě'] = "e",
        ['í'] = "i",
        ['ř'] = "r",
        ['ň'] = "n",
        ['ń'] = "n",
        ['ÿ'] = "y",
        ['ý'] = "y",
    };

    private static string Plain(string text) =>
        string.Concat(text.ToLowerInvariant().Select(c => PlainLetters.GetValueOrDefault(c) ?? c.ToString()));
}
