using System.Text.Json;
using MetalFests.Tests.Infrastructure;
using Microsoft.Playwright;

namespace MetalFests.Tests.Browser;

/// <summary>The public pages as db.json says they must look, and how tests open them.</summary>
public static class PublicSite
{
    public static IReadOnlyList<JsonElement> Festivals => RealData.Instance.Festivals;

    public static string Key(JsonElement festival) => festival.GetProperty("key").GetString()!;
    public static string Name(JsonElement festival) => festival.GetProperty("name").GetString()!;
    public static string Location(JsonElement festival) => festival.GetProperty("location").GetString()!;
    public static string Start(JsonElement festival) => festival.GetProperty("dates").GetProperty("start").GetString()!;

    public static JsonElement Festival(string key) => Festivals.Single(f => Key(f) == key);

    public static bool HasCoordinates(JsonElement festival) =>
        festival.TryGetProperty("coordinates", out var c) && c.ValueKind == JsonValueKind.Object
        && c.TryGetProperty("lat", out var lat) && lat.ValueKind == JsonValueKind.Number
        && c.TryGetProperty("lng", out var lng) && lng.ValueKind == JsonValueKind.Number;

    /// <summary>Opens <paramref name="path"/> of the fixture's gateway and waits for every festival card.</summary>
    public static async Task<BrowserSession> OpenAsync(AppFixture fixture, string viewport, string path = "/")
    {
        var session = await WebBrowser.OpenAsync(fixture.Gateway.BaseAddress!, Viewport.Named(viewport));
        await session.GotoAsync(path);
        await Assertions.Expect(session.Page.Locator(".festival-card")).ToHaveCountAsync(Festivals.Count);
        return session;
    }

    public static ILocator Cards(this IPage page) => page.Locator(".festival-card");

    /// <summary>The festival keys of the cards on the page, in page order.</summary>
    public static async Task<IReadOnlyList<string>> CardKeysAsync(this IPage page) =>
        await page.Locator("#timeline-content .festival-card").EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.key)");
}
