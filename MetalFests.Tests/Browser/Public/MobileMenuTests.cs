using System.Text.RegularExpressions;
using MetalFests.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MetalFests.Tests.Browser.Public;

/// <summary>At 375 px the views move into a menu behind the hamburger button.</summary>
[Collection(AppCollection.Name)]
public sealed class MobileMenuTests(AppFixture fixture)
{
    [Fact]
    public async Task Hamburger_opens_and_closes_the_menu_which_leads_to_the_map()
    {
        await using var session = await PublicSite.OpenAsync(fixture, Viewport.Phone.Name);
        var page = session.Page;
        var hamburger = page.Locator("#hamburger-menu");
        var menu = page.Locator("#mobile-menu");
        await Expect(hamburger).ToBeVisibleAsync();
        await Expect(menu).ToBeHiddenAsync();

        await hamburger.ClickAsync();
        await Expect(menu).ToHaveClassAsync(new Regex(@"\bactive\b"));
        await Expect(menu).ToBeVisibleAsync();
        await hamburger.ClickAsync();
        await Expect(menu).ToBeHiddenAsync();

        await hamburger.ClickAsync();
        await page.Locator("#mobile-menu.active .view-link[href='/map']").ClickAsync();
        await Expect(page.Locator("#festival-map.leaflet-container")).ToBeVisibleAsync();
        await Expect(menu).ToBeHiddenAsync();
        Assert.EndsWith("/map", page.Url);
    }
}
