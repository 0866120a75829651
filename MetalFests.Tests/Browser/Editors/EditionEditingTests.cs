using System.Net;
using MetalFests.Tests.AdminApi;
using MetalFests.Tests.Infrastructure;
using Microsoft.Playwright;
using static MetalFests.Tests.AdminApi.Given;
using static Microsoft.Playwright.Assertions;

namespace MetalFests.Tests.Browser.Editors;

/// <summary>
/// <c>/admin</c>: a festival's latest edition edited in the form — line-up in three billing tiers, bands looked
/// up, moved and removed — saved with If-Match, and the public timeline showing it on its next load; each
/// refusal (400, 412, 422) shown at what caused it. Every test edits a festival and bands of its own.
/// </summary>
[Collection(WritesCollection.Name)]
public sealed class EditionEditingTests(WritesFixture app)
{
    private readonly HttpClient api = app.Gateway;

    /// <summary>A festival with an edition in <see cref="Given.Year"/>: <paramref name="headliner"/> at size 3, <paramref name="opener"/> at size 1.</summary>
    private async Task<string> FestivalWithLineupAsync(string headliner, string opener)
    {
        var festival = await api.FestivalAsync();
        await api.AdminPutAsync(EditionPath(festival), new
        {
            dates = new { start = $"{Year}-06-17", end = $"{Year}-06-20" },
            bands = new[] { new { key = headliner, size = 3 }, new { key = opener, size = 1 } },
            ticketPrice = 100m,
        }).ExpectAsync(HttpStatusCode.Created);
        return festival;
    }

    private static ILocator Tier(IPage page, int tier) => page.Locator($"#selectedBandsTier{tier}");

    private static ILocator Chip(IPage page, string band) => page.Locator($".band-chip[data-key='{band}']");

    private static async Task AddBandAsync(IPage page, string band, int tier)
    {
        await page.Locator("#bandLookupTier").SelectOptionAsync(tier.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#bandLookup").FillAsync(BandName(band));
        await page.Locator($"#bandLookupResults button[data-key='{band}']").ClickAsync();
        await Expect(Tier(page, tier).Locator($"[data-key='{band}']")).ToBeVisibleAsync();
    }

    [Theory]
    [MemberData(nameof(Viewport.Both), MemberType = typeof(Viewport))]
    public async Task An_edited_line_up_is_saved_and_the_public_timeline_shows_it_on_its_next_load(string viewport)
    {
        var (headliner, opener, added) = (await api.BandAsync(), await api.BandAsync(), await api.BandAsync());
        var festival = await FestivalWithLineupAsync(headliner, opener);
        await using var session = await Editor.SignedInAsync(app, "/admin", Viewport.Named(viewport));
        var page = session.Page;

        await page.OpenAsync(festival, FestivalName(festival));

        await Expect(page.Locator("#festivalName")).ToHaveValueAsync(FestivalName(festival));
        await Expect(page.Locator("#festivalLocation")).ToHaveValueAsync("Clisson, France");
        await Expect(page.Locator("#festivalStartDate")).ToHaveValueAsync($"{Year}-06-17");
        await Expect(page.Locator("#festivalEndDate")).ToHaveValueAsync($"{Year}-06-20");
        await Expect(page.Locator("#festivalLatitude")).ToHaveValueAsync("47.09");
        await Expect(Tier(page, 3).Locator(".chip")).ToHaveTextAsync([new System.Text.RegularExpressions.Regex(BandName(headliner))]);
        await Expect(Tier(page, 1).Locator(".chip")).ToHaveTextAsync([new System.Text.RegularExpressions.Regex(BandName(opener))]);
        await Expect(page.Locator(".tier-description")).ToContainTextAsync(["gold", "orange", "grey"]);

        await AddBandAsync(page, added, 2);
        await Chip(page, opener).GetByRole(AriaRole.Button, new() { Name = $"Move {BandName(opener)} up to tier 2" }).ClickAsync();
        await Chip(page, headliner).GetByRole(AriaRole.Button, new() { Name = $"Remove {BandName(headliner)} from the line-up" }).ClickAsync();
        await page.Locator("#festivalEndDate").FillAsync($"{Year}-06-21");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Expect(page.SaveStatus()).ToContainTextAsync("Saved");
        var edition = (await api.FreshAsync(EditionPath(festival)))["edition"]!;
        Assert.Equal($"{Year}-06-21", (string?)edition["dates"]!["end"]);
        Assert.Equal(
            new[] { (added, 2), (opener, 2) }.Order(),
            edition["bands"]!.AsArray().Select(b => ((string)b!["key"]!, (int)b["size"]!)).Order());

        // A visitor's next load (a browser of its own, so nothing of the editor's is cached).
        await using var visitor = await WebBrowser.OpenAsync(api.BaseAddress!, Viewport.Named(viewport));
        await visitor.GotoAsync("/");
        var card = visitor.Page.Locator($"#timeline-content .festival-card[data-key='{festival}']");
        await card.ScrollIntoViewIfNeededAsync();
        await Expect(card.Locator($".band-tag[data-band='{added}']")).ToBeVisibleAsync();
        await Expect(card.Locator($".band-tag[data-band='{opener}']")).ToBeVisibleAsync();
        await Expect(card.Locator($".band-tag[data-band='{headliner}']")).ToHaveCountAsync(0);
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task A_band_deleted_before_the_save_is_a_422_marked_on_its_chip()
    {
        var festival = await FestivalWithLineupAsync(await api.BandAsync(), await api.BandAsync());
        var doomed = await api.BandAsync();
        await using var session = await Editor.SignedInAsync(app, "/admin");
        var page = session.Page;
        await page.OpenAsync(festival, FestivalName(festival));
        await AddBandAsync(page, doomed, 3);

        await api.AdminDeleteAsync($"/api/admin/bands/{doomed}").ExpectAsync(HttpStatusCode.NoContent);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Expect(page.SaveStatus()).ToContainTextAsync("does not exist");
        await Expect(page.SaveStatus()).ToContainTextAsync(doomed);
        await Expect(Chip(page, doomed)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\binvalid\b"));
        await Expect(page.Locator(".band-chip.invalid")).ToHaveCountAsync(1);
        Assert.Equal(2, (await api.FreshAsync(EditionPath(festival)))["edition"]!["bands"]!.AsArray().Count);
    }

    [Fact]
    public async Task An_edition_changed_by_someone_else_since_it_was_opened_is_a_412_with_a_reload()
    {
        var (first, second, theirs) = (await api.BandAsync(), await api.BandAsync(), await api.BandAsync());
        var festival = await FestivalWithLineupAsync(first, second);
        await using var session = await Editor.SignedInAsync(app, "/admin");
        var page = session.Page;
        await page.OpenAsync(festival, FestivalName(festival));
        await Expect(Tier(page, 3).Locator(".chip")).ToHaveCountAsync(1);

        await api.AdminPutAsync(EditionPath(festival), AdminRequests.Edition(Year, [theirs], size: 3)).ExpectAsync(HttpStatusCode.OK);
        await page.Locator("#festivalTicketPrice").FillAsync("150");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Expect(page.SaveStatus()).ToContainTextAsync("Someone else changed");
        Assert.Equal([theirs], (await api.FreshAsync(EditionPath(festival)))["edition"]!["bands"]!.AsArray().Select(b => (string)b!["key"]!));

        await page.GetByRole(AriaRole.Button, new() { Name = "Reload" }).ClickAsync();
        await Expect(Tier(page, 3).Locator(".chip")).ToHaveTextAsync([new System.Text.RegularExpressions.Regex(BandName(theirs))]);
    }

    [Fact]
    public async Task A_festival_field_the_API_refuses_is_marked_at_its_input()
    {
        var festival = await FestivalWithLineupAsync(await api.BandAsync(), await api.BandAsync());
        await using var session = await Editor.SignedInAsync(app, "/admin");
        var page = session.Page;
        await page.OpenAsync(festival, FestivalName(festival));

        await page.Locator("#festivalLocation").FillAsync("Nowhere without a country");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Expect(page.Locator("#festivalLocation")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#festivalLocation + .field-error")).ToContainTextAsync("City, Country");
        await Expect(page.SaveStatus()).ToContainTextAsync("not saved");
        Assert.Equal("Clisson, France", (string?)(await api.FreshAsync($"/api/festivals/{festival}"))["festival"]!["location"]);
    }

    [Fact]
    public async Task A_key_that_may_only_read_is_told_so_at_save_and_nothing_changes()
    {
        var festival = await FestivalWithLineupAsync(await api.BandAsync(), await api.BandAsync());
        await using var session = await Editor.SignedInAsync(app, "/admin", key: AppFixture.ViewerKey);
        var page = session.Page;
        await page.OpenAsync(festival, FestivalName(festival));

        await page.Locator("#festivalName").FillAsync("Renamed by a viewer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Expect(page.SaveStatus()).ToContainTextAsync("may read but not write");
        Assert.Equal(FestivalName(festival), (string?)(await api.FreshAsync($"/api/festivals/{festival}"))["festival"]!["name"]);
    }
}
