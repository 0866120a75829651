using MetalFests.Tests.Infrastructure;
using MetalFests.Tests.PublicApi;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MetalFests.Tests.Browser.Editors;

/// <summary>
/// The editors' lists hold every entity of their kind: every festival on <c>/admin</c>; on <c>/admin/bands</c>
/// every unreviewed band under "Review" (the default) and every reviewed one under "Reviewed" — counted
/// against db.json as migrated, so on the read-only instance, whose data is exactly db.json.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class EditorListTests(AppFixture app)
{
    private static async Task<List<string>> KeysAsync(IPage page) =>
        [.. (await page.Locator(".list-item").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.key)")).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task The_festival_list_has_one_item_per_festival_in_db_json()
    {
        var expected = RealData.Instance.Festivals.Select(f => f.GetProperty("key").GetString()!).Order(StringComparer.Ordinal).ToList();
        await using var session = await Editor.SignedInAsync(app, "/admin");

        await Expect(session.Page.Locator(".list-item")).ToHaveCountAsync(expected.Count);

        Assert.Equal(expected, await KeysAsync(session.Page));
        var names = await session.Page.Locator(".list-item .list-item-name").AllTextContentsAsync();
        Assert.Equal(RealData.Instance.Festivals.Select(f => f.GetProperty("name").GetString()!).Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        Assert.Empty(session.Errors);
    }

    [Theory]
    [MemberData(nameof(Viewport.Both), MemberType = typeof(Viewport))]
    public async Task Review_lists_every_unreviewed_band_and_Reviewed_every_reviewed_one(string viewport)
    {
        var unreviewed = Expected.Bands.Values.Where(b => !b.Reviewed).Select(b => b.Key).Order(StringComparer.Ordinal).ToList();
        var reviewed = Expected.Bands.Values.Where(b => b.Reviewed).Select(b => b.Key).Order(StringComparer.Ordinal).ToList();
        await using var session = await Editor.SignedInAsync(app, "/admin/bands", Viewport.Named(viewport));
        var page = session.Page;

        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Review", Exact = true })).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(page.Locator(".list-item")).ToHaveCountAsync(unreviewed.Count, new() { Timeout = 30_000 });
        await Expect(page.Locator(".list-content")).Not.ToHaveAttributeAsync("aria-busy", "true");
        Assert.Equal(unreviewed, await KeysAsync(page));
        await Expect(page.Locator(".list-item").First.Locator(".list-item-meta")).Not.ToBeEmptyAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "Reviewed", Exact = true }).ClickAsync();

        await Expect(page.Locator(".list-item")).ToHaveCountAsync(reviewed.Count);
        Assert.Equal(reviewed, await KeysAsync(page));
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Search_narrows_the_list_and_the_sort_toggle_reverses_it()
    {
        await using var session = await Editor.SignedInAsync(app, "/admin");
        var page = session.Page;
        var all = RealData.Instance.Festivals.Count;
        await Expect(page.Locator(".list-item")).ToHaveCountAsync(all);
        var first = await page.Locator(".list-item-name").First.TextContentAsync();
        var last = await page.Locator(".list-item-name").Last.TextContentAsync();

        await page.Locator(".sort-toggle").ClickAsync();
        await Expect(page.Locator(".list-item-name").First).ToHaveTextAsync(last!);

        var name = RealData.Instance.Festivals[0].GetProperty("name").GetString()!;
        await page.Locator("[placeholder*='Search']").FillAsync(name);
        await Expect(page.Locator(".list-item:visible")).ToHaveCountAsync(RealData.Instance.Festivals.Count(f => f.GetProperty("name").GetString()!.Contains(name, StringComparison.OrdinalIgnoreCase)));
        await page.Locator("[placeholder*='Search']").FillAsync("");
        await Expect(page.Locator(".list-item:visible")).ToHaveCountAsync(all);
        Assert.NotEqual(first, last);
    }

    [Fact]
    public async Task Choosing_a_festival_fills_the_form_with_its_latest_edition_split_by_billing()
    {
        // The festival whose smallest tier is the largest: every tier has bands to show.
        var festival = Expected.Festivals.MaxBy(f => new[] { 3, 2, 1 }.Min(tier => f.Lineup.Values.Count(b => Math.Max(b.Size, 1) == tier)))!;
        await using var session = await Editor.SignedInAsync(app, "/admin");
        var page = session.Page;

        await page.OpenAsync(festival.Key, festival.Name);

        await Expect(page.Locator("#festivalName")).ToHaveValueAsync(festival.Name);
        await Expect(page.Locator("#festivalLocation")).ToHaveValueAsync(festival.Location);
        await Expect(page.Locator("#festivalStartDate")).ToHaveValueAsync(festival.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Locator("#festivalEndDate")).ToHaveValueAsync(festival.End.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (tier, sizes) in new[] { (3, new[] { 3 }), (2, new[] { 2 }), (1, new[] { 0, 1 }) })
        {
            var expected = festival.Lineup.Values.Where(b => sizes.Contains(b.Size)).Select(b => b.Key).Order(StringComparer.Ordinal);
            await Expect(page.Locator($"#selectedBandsTier{tier} .chip")).ToHaveCountAsync(expected.Count());
            Assert.Equal(expected, (await page.Locator($"#selectedBandsTier{tier} .chip").EvaluateAllAsync<string[]>("chips => chips.map(c => c.dataset.key)")).Order(StringComparer.Ordinal));
        }
        await page.Locator("[placeholder*='Search']").FillAsync("");
        await Expect(page.Locator(".list-item:visible")).ToHaveCountAsync(RealData.Instance.Festivals.Count);
        await page.Locator("#tier2Title").ScrollIntoViewIfNeededAsync();
        await session.ScreenshotAsync("admin-festivals.png");
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Choosing_a_band_fills_the_form_with_every_field()
    {
        var band = Expected.Bands.Values.First(b => b.Reviewed && !b.IsMerged && b.Records[0].TryGetProperty("members", out var m) && m.GetArrayLength() > 2).Records[0];
        var (key, name) = (band.GetProperty("key").GetString()!, band.GetProperty("name").GetString()!);
        await using var session = await Editor.SignedInAsync(app, "/admin/bands");
        var page = session.Page;
        await Expect(page.Locator(".list-item")).ToHaveCountAsync(Expected.Bands.Values.Count(b => !b.Reviewed), new() { Timeout = 30_000 });
        await page.GetByRole(AriaRole.Tab, new() { Name = "Reviewed", Exact = true }).ClickAsync();

        await page.OpenAsync(key, name);

        await Expect(page.Locator("#bandName")).ToHaveValueAsync(name);
        await Expect(page.Locator("#bandCountry")).ToHaveValueAsync(band.GetProperty("country").GetString()!);
        await Expect(page.Locator("#bandMembers .member")).ToHaveCountAsync(band.GetProperty("members").GetArrayLength());
        await Expect(page.Locator("#bandGenres .chip")).Not.ToHaveCountAsync(0);
        await page.Locator("[placeholder*='Search']").FillAsync("");
        await Expect(page.Locator(".list-item:visible")).ToHaveCountAsync(Expected.Bands.Values.Count(b => b.Reviewed));
        await page.Locator(".genres").ScrollIntoViewIfNeededAsync();
        await session.ScreenshotAsync("admin-bands.png");
        Assert.Empty(session.Errors);
    }
}
