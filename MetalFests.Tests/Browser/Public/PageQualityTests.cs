using MetalFests.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MetalFests.Tests.Browser.Public;

/// <summary>Checks a Lighthouse audit would make, measured in the browser: no console errors, no sideways scrolling, alt text, labels.</summary>
[Collection(AppCollection.Name)]
public sealed class PageQualityTests(AppFixture fixture)
{
    public static TheoryData<string, string> Pages => new()
    {
        { Viewport.Desktop.Name, "/" }, { Viewport.Phone.Name, "/" }, { Viewport.Desktop.Name, "/map" }, { Viewport.Phone.Name, "/map" },
    };

    [Theory, MemberData(nameof(Pages))]
    public async Task Page_is_clean_accessible_and_fits_the_screen(string viewport, string path)
    {
        await using var session = await PublicSite.OpenAsync(fixture, viewport, path);
        var page = session.Page;
        if (path == "/map")
        {
            await Expect(page.Locator(".custom-marker")).ToHaveCountAsync(PublicSite.Festivals.Count(PublicSite.HasCoordinates));
        }
        else
        {
            await Expect(page.Cards().First.Locator(".band-tag").First).ToBeVisibleAsync();
        }

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
            "the page scrolls sideways");
        var withoutAlt = await page.EvaluateAsync<string[]>("() => [...document.images].filter(i => !i.hasAttribute('alt')).map(i => i.outerHTML)");
        Assert.Empty(withoutAlt);
        var unlabelled = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('input, select, textarea, button, a[href], [role=button]')]
              .filter(e => {
                const text = (s) => (s ?? '').trim().length > 0;
                const labelledBy = e.getAttribute('aria-labelledby');
                return !(text(e.getAttribute('aria-label')) || text(e.title)
                  || (e.labels && [...e.labels].some(l => text(l.textContent)))
                  || (labelledBy && text(document.getElementById(labelledBy)?.textContent))
                  || (!['INPUT', 'SELECT', 'TEXTAREA'].includes(e.tagName) && (text(e.textContent) || [...e.querySelectorAll('img')].some(i => text(i.alt)))));
              })
              .map(e => e.outerHTML.slice(0, 120))
            """);
        Assert.Empty(unlabelled);
        Assert.Empty(session.Errors);
    }
}
