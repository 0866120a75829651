using MetalFests.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MetalFests.Tests.Browser.Editors;

/// <summary>An editor at the editors' pages: a browser session of its own, signed in through the page's own form.</summary>
internal static class Editor
{
    // Expectations wait as long as actions do (the browser contexts' default): on this shared machine a
    // save or a list page can take seconds. Each still ends as soon as its condition holds.
    static Editor() => SetDefaultExpectTimeout(15_000);

    /// <summary>Where the stored key lives (frontend.md).</summary>
    public const string KeyStorage = "metalfests.adminKey";

    /// <summary>Opens <paramref name="path"/> in a fresh browser context and signs in with <paramref name="key"/>.</summary>
    public static async Task<BrowserSession> SignedInAsync(AppFixture app, string path, Viewport? viewport = null, string key = AppFixture.AdminKey)
    {
        var session = await WebBrowser.OpenAsync(app.Gateway.BaseAddress!, viewport ?? Viewport.Desktop);
        await session.GotoAsync(path);
        await session.SignInAsync(key);
        await Expect(session.Page.Locator("#editor")).ToBeVisibleAsync();
        return session;
    }

    public static async Task SignInAsync(this BrowserSession session, string key)
    {
        await session.Page.Locator("#adminKey").FillAsync(key);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>The list item of an entity, by the key the page keeps on it.</summary>
    public static ILocator Item(this IPage page, string key) => page.Locator($".list-item[data-key='{key}']");

    /// <summary>Waits until the list holds every entity (no longer <c>aria-busy</c>), finds one through the search box and opens it.</summary>
    public static async Task OpenAsync(this IPage page, string key, string name)
    {
        await Expect(page.Locator(".list-content")).Not.ToHaveAttributeAsync("aria-busy", "true", new() { Timeout = 60_000 });
        await page.Locator("[placeholder*='Search']").FillAsync(name);
        await page.Item(key).ClickAsync();
        await Expect(page.Item(key)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bactive\b"));
    }

    /// <summary>The form's status line once it says how the save ended.</summary>
    public static ILocator SaveStatus(this IPage page) => page.Locator(".save-status");

    public static async Task<string?> StoredKeyAsync(this IPage page) => await page.EvaluateAsync<string?>($"() => localStorage.getItem('{KeyStorage}')");
}
