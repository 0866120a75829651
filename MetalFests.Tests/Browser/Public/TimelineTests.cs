using MetalFests.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MetalFests.Tests.Browser.Public;

/// <summary>The timeline at <c>/</c>: every festival of db.json, past ones included, one card each, by start date.</summary>
[Collection(AppCollection.Name)]
public sealed class TimelineTests(AppFixture fixture)
{
    [Theory, MemberData(nameof(Viewport.Both), MemberType = typeof(Viewport))]
    public async Task Every_festival_has_one_card_in_start_date_order(string viewport)
    {
        await using var session = await PublicSite.OpenAsync(fixture, viewport);

        var keys = await session.Page.CardKeysAsync();
        Assert.Equal(PublicSite.Festivals.Select(PublicSite.Key).Order(), keys.Order());
        var starts = keys.Select(k => PublicSite.Start(PublicSite.Festival(k))).ToList();
        Assert.Equal(starts.Order(StringComparer.Ordinal), starts);
        await Expect(session.Page.Locator("#loading")).ToBeHiddenAsync();
        await Expect(session.Page.Locator(".timeline-line")).ToBeAttachedAsync();
        await session.ScreenshotAsync($"website-timeline-{viewport}.png");
    }

    [Theory, MemberData(nameof(Viewport.Both), MemberType = typeof(Viewport))]
    public async Task A_card_shows_the_festival_and_its_line_up_from_the_api(string viewport)
    {
        await using var session = await PublicSite.OpenAsync(fixture, viewport);
        var card = session.Page.Cards().First;
        var festival = PublicSite.Festival((await card.GetAttributeAsync("data-key"))!);

        foreach (var part in new[] { ".festival-poster", ".festival-name", ".festival-dates", ".festival-location", ".ticket-price", ".festival-bands", ".festival-website", ".favorite-container", ".star-icon" })
        {
            await Expect(card.Locator(part)).ToBeVisibleAsync();
        }
        await Expect(card.Locator(".festival-name")).ToHaveTextAsync(PublicSite.Name(festival));
        Assert.Equal(PublicSite.Location(festival), await card.Locator(".festival-location").TextContentAsync());
        var website = card.Locator(".festival-website");
        await Expect(website).ToHaveAttributeAsync("href", festival.GetProperty("website").GetString()!);
        await Expect(website).ToHaveAttributeAsync("target", "_blank");
        await Expect(website).ToHaveAttributeAsync("rel", "noopener noreferrer");
        await Expect(card.GetByRole(AriaRole.Link, new() { Name = "Add to calendar" }))
            .ToHaveAttributeAsync("href", $"/api/festivals/{PublicSite.Key(festival)}.ics");
        // One tag per band of the line-up (db.json lists some bands twice; the API keeps each once).
        await Expect(card.Locator(".band-tag")).ToHaveCountAsync(RealData.Instance.Lineups[PublicSite.Key(festival)].Count);
    }

    [Fact]
    public async Task Header_title_view_switch_and_footer_are_the_ones_users_know()
    {
        await using var session = await PublicSite.OpenAsync(fixture, Viewport.Desktop.Name);
        var page = session.Page;

        var title = page.Locator("header.header h1 a");
        await Expect(title).ToHaveTextAsync("Metal Festivals 2026");
        await Expect(title).ToHaveAttributeAsync("href", "/");
        await Expect(page.Locator(".view-link[href='/']").First).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bactive\b"));
        await Expect(page.Locator(".view-link[href='/map']").First).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bactive\b"));
        await Expect(page.Locator("#hamburger-menu")).ToBeHiddenAsync();
        var github = page.Locator("footer a.github-link");
        await Expect(github).ToBeVisibleAsync();
        await Expect(github).ToHaveAttributeAsync("href", "https://github.com/neovasili/metal-fests");
        await Expect(page.Locator(".calendar-subscribe")).ToHaveAttributeAsync("href", "/api/festivals.ics");
    }
}
