using System.Net;
using System.Text.RegularExpressions;
using MetalFests.Tests.AdminApi;
using MetalFests.Tests.Infrastructure;
using Microsoft.Playwright;
using static MetalFests.Tests.AdminApi.Given;
using static Microsoft.Playwright.Assertions;

namespace MetalFests.Tests.Browser.Editors;

/// <summary>
/// <c>/admin/bands</c>: a band reviewed in the form — every field, genres, members and roles — sent as the full
/// band PUT with If-Match; "Mark reviewed" moves it from Review to Reviewed, and the public band modal shows
/// the change on its next load; a 412 and a 422 (unknown genre) shown in the form. Bands of the test's own.
/// </summary>
[Collection(WritesCollection.Name)]
public sealed class BandEditingTests(WritesFixture app)
{
    private readonly HttpClient api = app.Gateway;

    private static Task ClickAsync(IPage page, string button) => page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();

    [Fact]
    public async Task A_band_marked_reviewed_moves_to_Reviewed_and_its_public_modal_shows_the_change()
    {
        var band = await api.BandAsync(members: [("Singer " + Guid.NewGuid().ToString("N")[..6], ["vocals"])]);
        var festival = await api.FestivalAsync();
        await api.EditionAsync(festival, Year, band);
        var description = "Reviewed in the browser " + Guid.NewGuid().ToString("N");
        await using var session = await Editor.SignedInAsync(app, "/admin/bands");
        var page = session.Page;

        await page.OpenAsync(band, BandName(band));
        await Expect(page.Locator(".admin-form-section")).ToBeVisibleAsync();
        await Expect(page.Locator("#bandName")).ToHaveValueAsync(BandName(band));
        await Expect(page.Locator("#bandCountry")).ToHaveValueAsync("Finland");
        await Expect(page.Locator(".member-roles .chip")).ToHaveTextAsync([new Regex("Vocals", RegexOptions.IgnoreCase)]);

        await page.Locator("#bandDescription").FillAsync(description);
        await page.Locator("#bandCountry").FillAsync("Sweden");
        await page.Locator("#bandGenreInput").FillAsync("heavy-metal");
        await page.Locator("#bandGenreInput").PressAsync("Enter");
        await ClickAsync(page, "Mark reviewed");

        await Expect(page.SaveStatus()).ToContainTextAsync("Saved");
        await Expect(page.Item(band)).ToHaveCountAsync(0);
        var saved = (await api.FreshAsync($"/api/bands/{band}"))["band"]!;
        Assert.True((bool)saved["reviewed"]!);
        Assert.Equal(description, (string?)saved["description"]);
        Assert.Equal("Sweden", (string?)saved["country"]);
        Assert.Equal(["heavy-metal"], saved["genreKeys"]!.AsArray().Select(g => (string?)g));
        Assert.Equal(["vocals"], saved["members"]![0]!["roleKeys"]!.AsArray().Select(r => (string?)r));
        Assert.Equal("https://example.com/band", (string?)saved["website"]);

        await page.GetByRole(AriaRole.Tab, new() { Name = "Reviewed", Exact = true }).ClickAsync();
        await page.Locator("[placeholder*='Search']").FillAsync(BandName(band));
        await Expect(page.Item(band)).ToBeVisibleAsync();
        await Expect(page.Item(band).Locator(".list-item-meta")).ToContainTextAsync("Sweden");

        await using var visitor = await WebBrowser.OpenAsync(api.BaseAddress!, Viewport.Desktop);
        await visitor.GotoAsync("/");
        var card = visitor.Page.Locator($"#timeline-content .festival-card[data-key='{festival}']");
        await card.ScrollIntoViewIfNeededAsync();
        await card.Locator($".band-tag[data-band='{band}']").ClickAsync();
        await Expect(visitor.Page.Locator(".band-modal-content")).ToContainTextAsync(description);
        await Expect(visitor.Page.Locator(".band-modal-content")).ToContainTextAsync("Sweden");
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task A_band_changed_by_someone_else_since_it_was_opened_is_a_412_with_a_reload()
    {
        var band = await api.BandAsync();
        await using var session = await Editor.SignedInAsync(app, "/admin/bands");
        var page = session.Page;
        await page.OpenAsync(band, BandName(band));
        await Expect(page.Locator("#bandName")).ToHaveValueAsync(BandName(band));

        await api.AdminPutAsync($"/api/bands/{band}", AdminRequests.Band(null, BandName(band), description: "Their edit")).ExpectAsync(HttpStatusCode.OK);
        await page.Locator("#bandDescription").FillAsync("My edit");
        await ClickAsync(page, "Save");

        await Expect(page.SaveStatus()).ToContainTextAsync("Someone else changed");
        Assert.Equal("Their edit", (string?)(await api.FreshAsync($"/api/bands/{band}"))["band"]!["description"]);
        await ClickAsync(page, "Reload");
        await Expect(page.Locator("#bandDescription")).ToHaveValueAsync("Their edit");
    }

    [Fact]
    public async Task An_unknown_genre_is_a_422_marked_on_its_chip()
    {
        var band = await api.BandAsync();
        var unknown = AdminRequests.UniqueKey("no-such-genre");
        await using var session = await Editor.SignedInAsync(app, "/admin/bands");
        var page = session.Page;
        await page.OpenAsync(band, BandName(band));

        await page.Locator("#bandGenreInput").FillAsync(unknown);
        await page.Locator("#bandGenreInput").PressAsync("Enter");
        await ClickAsync(page, "Save");

        await Expect(page.Locator($"#bandGenres .chip[data-key='{unknown}']")).ToHaveClassAsync(new Regex(@"\binvalid\b"));
        await Expect(page.SaveStatus()).ToContainTextAsync($"genre {unknown}");
        Assert.Empty((await api.FreshAsync($"/api/bands/{band}"))["band"]!["genreKeys"]!.AsArray());
    }
}
