using System.Text.RegularExpressions;
using MetalFests.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MetalFests.Tests.Browser.Public;

/// <summary>The star marks a favourite, kept in the browser across visits; the favourites filter shows only those.</summary>
[Collection(AppCollection.Name)]
public sealed class FavouritesTests(AppFixture fixture)
{
    private static readonly Regex Favourite = new("favorite");

    [Theory, MemberData(nameof(Viewport.Both), MemberType = typeof(Viewport))]
    public async Task A_favourite_survives_a_reload_and_the_favourites_filter_shows_only_favourites(string viewport)
    {
        await using var session = await PublicSite.OpenAsync(fixture, viewport);
        var page = session.Page;
        var card = page.Cards().Nth(2);
        var key = (await card.GetAttributeAsync("data-key"))!;
        var star = card.Locator(".star-icon");
        await Expect(star).Not.ToHaveClassAsync(Favourite);

        await star.ClickAsync();
        await Expect(star).ToHaveClassAsync(Favourite);
        await page.ReloadAsync();
        await Expect(page.Cards()).ToHaveCountAsync(PublicSite.Festivals.Count);
        await Expect(page.Locator($".festival-card[data-key='{key}'] .star-icon")).ToHaveClassAsync(Favourite);
        await Expect(page.Locator(".calendar-subscribe-favourites")).ToHaveAttributeAsync("href", $"/api/festivals.ics?festivals={key}");

        await page.Locator(".filter-button").ClickAsync();
        await Expect(page.Cards()).ToHaveCountAsync(1);
        Assert.Equal([key], await page.CardKeysAsync());

        await page.Locator(".filter-button").ClickAsync();
        await Expect(page.Cards()).ToHaveCountAsync(PublicSite.Festivals.Count);
        await page.Locator($".festival-card[data-key='{key}'] .star-icon").ClickAsync();
        Assert.DoesNotContain("favorite", await page.Locator($".festival-card[data-key='{key}'] .star-icon").GetAttributeAsync("class"));
    }
}
