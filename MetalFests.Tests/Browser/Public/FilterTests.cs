using System.Globalization;
using System.Text;
using MetalFests.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MetalFests.Tests.Browser.Public;

/// <summary>The search box and the bands filter remove non-matching cards and bring them back when cleared.</summary>
[Collection(AppCollection.Name)]
public sealed class FilterTests(AppFixture fixture)
{
    /// <summary>Typing to result: the contract's 500 ms, plus the time a busy test machine takes to render.</summary>
    private const float SearchDeadlineMs = 1_000;

    [Theory, MemberData(nameof(Viewport.Both), MemberType = typeof(Viewport))]
    public async Task Search_keeps_festivals_whose_name_location_or_country_match(string viewport)
    {
        await using var session = await PublicSite.OpenAsync(fixture, viewport);
        var page = session.Page;
        foreach (var text in new[] { "Sweden", "hellfest", "wacken", "Germany" })
        {
            var expected = PublicSite.Festivals
                .Where(f => Plain(PublicSite.Name(f) + " " + PublicSite.Location(f)).Contains(Plain(text), StringComparison.Ordinal))
                .Select(PublicSite.Key).Order().ToList();
            Assert.NotEmpty(expected);

            await page.Locator(".search-filter-input").FillAsync(text);

            await page.WaitForFunctionAsync(
                "expected => JSON.stringify([...document.querySelectorAll('.festival-card')].map(c => c.dataset.key).sort()) === JSON.stringify(expected)",
                expected.Order(StringComparer.Ordinal).ToArray(), new() { Timeout = SearchDeadlineMs });
        }
        await page.Locator(".search-filter-input").FillAsync("");
        await Expect(page.Cards()).ToHaveCountAsync(PublicSite.Festivals.Count, new() { Timeout = SearchDeadlineMs });
    }

    [Fact]
    public async Task Bands_filter_keeps_the_festivals_featuring_the_chosen_band()
    {
        await using var session = await PublicSite.OpenAsync(fixture, Viewport.Desktop.Name);
        var page = session.Page;
        await Expect(page.Cards().First.Locator(".band-tag").First).ToBeVisibleAsync();

        await page.Locator(".bands-filter-toggle").ClickAsync();
        var item = page.Locator(".bands-filter-item input[type='checkbox']").First;
        var bandKey = (await item.GetAttributeAsync("value"))!;
        await item.CheckAsync();

        var expected = RealData.Instance.Lineups.Where(l => l.Value.Contains(bandKey)).Select(l => l.Key).Order().ToList();
        await Expect(page.Cards()).ToHaveCountAsync(expected.Count);
        Assert.Equal(expected, (await page.CardKeysAsync()).Order());

        await page.Locator(".bands-filter-clear-all").ClickAsync();
        await Expect(page.Cards()).ToHaveCountAsync(PublicSite.Festivals.Count);
    }

    [Fact]
    public async Task Bands_filter_finds_a_band_by_name_through_the_api()
    {
        await using var session = await PublicSite.OpenAsync(fixture, Viewport.Desktop.Name);
        var page = session.Page;
        var (bandKey, bandName) = RealData.Instance.Bands
            .Select(b => (Key: b.GetProperty("key").GetString()!, Name: b.GetProperty("name").GetString()!))
            .First(b => b.Key == "iron-maiden");

        await page.Locator(".bands-filter-toggle").ClickAsync();
        await page.Locator(".bands-filter-search").FillAsync(bandName);
        await page.Locator($".bands-filter-item input[value='{bandKey}']").CheckAsync();

        var expected = RealData.Instance.Lineups.Where(l => l.Value.Contains(bandKey)).Select(l => l.Key).Order().ToList();
        Assert.NotEmpty(expected);
        await Expect(page.Cards()).ToHaveCountAsync(expected.Count);
        Assert.Equal(expected, (await page.CardKeysAsync()).Order());
    }

    /// <summary>Lower case, accents removed: how a reader types a name.</summary>
    private static string Plain(string text) =>
        new([.. text.Normalize(NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).Select(char.ToLowerInvariant)]);
}
