using MetalFests.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MetalFests.Tests.Browser.Public;

/// <summary>A band tag opens the band guide (the band's page and its festivals); the button, Escape and a click outside close it.</summary>
[Collection(AppCollection.Name)]
public sealed class BandModalTests(AppFixture fixture)
{
    public static TheoryData<string, string> Closings => new()
    {
        { Viewport.Desktop.Name, "button" }, { Viewport.Desktop.Name, "escape" }, { Viewport.Desktop.Name, "outside" },
        { Viewport.Phone.Name, "button" }, { Viewport.Phone.Name, "escape" }, { Viewport.Phone.Name, "outside" },
    };

    [Theory, MemberData(nameof(Closings))]
    public async Task Band_modal_shows_the_band_and_closes(string viewport, string closing)
    {
        await using var session = await PublicSite.OpenAsync(fixture, viewport);
        var page = session.Page;
        var tag = page.Cards().First.Locator(".band-tag").First;
        var bandKey = (await tag.GetAttributeAsync("data-band"))!;
        var band = RealData.Instance.Bands.First(b => b.GetProperty("key").GetString() == bandKey);

        await tag.ClickAsync();

        var overlay = page.Locator(".band-modal-overlay");
        await Expect(overlay.Locator(".band-modal-content")).ToBeVisibleAsync();
        await Expect(overlay.Locator(".band-name")).ToHaveTextAsync(band.GetProperty("name").GetString()!);
        var festivals = RealData.Instance.Lineups.Where(l => l.Value.Contains(bandKey)).Select(l => PublicSite.Name(PublicSite.Festival(l.Key))).Order().ToList();
        await Expect(overlay.Locator(".band-festivals li")).ToHaveCountAsync(festivals.Count);
        Assert.Equal(festivals, (await overlay.Locator(".band-festivals li strong").AllTextContentsAsync()).Order());

        switch (closing)
        {
            case "button": await overlay.Locator(".band-modal-close").ClickAsync(); break;
            case "escape": await page.Keyboard.PressAsync("Escape"); break;
            default: await overlay.ClickAsync(new LocatorClickOptions { Position = new() { X = 5, Y = 5 } }); break;
        }

        await Expect(overlay).ToBeHiddenAsync();
        await Expect(tag).ToBeFocusedAsync();
    }
}
