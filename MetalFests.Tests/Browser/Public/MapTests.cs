using System.Text.RegularExpressions;
using MetalFests.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MetalFests.Tests.Browser.Public;

/// <summary>
/// The map at <c>/map</c> (or switched to in-page): one marker per festival with coordinates, a popup
/// with the name on hover, the festival's card in a modal on a click; filters apply to markers too.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class MapTests(AppFixture fixture)
{
    private static readonly Regex Active = new(@"\bactive\b");
    private static int WithCoordinates => PublicSite.Festivals.Count(PublicSite.HasCoordinates);

    private static async Task<BrowserSession> OpenMapAsync(AppFixture fixture, string viewport)
    {
        var session = await PublicSite.OpenAsync(fixture, viewport, "/map");
        await Expect(session.Page.Locator(".custom-marker")).ToHaveCountAsync(WithCoordinates);
        return session;
    }

    [Theory, MemberData(nameof(Viewport.Both), MemberType = typeof(Viewport))]
    public async Task Map_has_one_marker_per_festival_with_coordinates(string viewport)
    {
        await using var session = await OpenMapAsync(fixture, viewport);
        var page = session.Page;

        await Expect(page.Locator("#map-view #festival-map.leaflet-container")).ToBeVisibleAsync();
        await Expect(page.Locator(".leaflet-control-zoom-in")).ToBeVisibleAsync();
        await Expect(page.Locator(".view-link[href='/map']").First).ToHaveClassAsync(Active);
        await Expect(page.Locator("#timeline-view")).ToBeHiddenAsync();
        await Expect(page.Locator(".custom-marker img").First).ToHaveAttributeAsync("src", "img/metal-fests.png");
        var names = await page.Locator(".custom-marker img").EvaluateAllAsync<string[]>("imgs => imgs.map(i => i.alt)");
        Assert.Equal(PublicSite.Festivals.Where(PublicSite.HasCoordinates).Select(PublicSite.Name).Order(), names.Order());
        await session.ScreenshotAsync($"website-map-{viewport}.png");
    }

    [Fact]
    public async Task Hovering_a_marker_shows_the_festival_name()
    {
        await using var session = await OpenMapAsync(fixture, Viewport.Desktop.Name);
        var marker = session.Page.Locator(".custom-marker").First;
        var name = (await marker.Locator("img").GetAttributeAsync("alt"))!;

        await marker.HoverAsync(new() { Force = true });

        await Expect(session.Page.Locator(".leaflet-popup-content")).ToHaveTextAsync(name);
    }

    public static TheoryData<string, string> Closings => new()
    {
        { Viewport.Desktop.Name, "button" }, { Viewport.Desktop.Name, "escape" }, { Viewport.Desktop.Name, "outside" },
        { Viewport.Phone.Name, "button" },
    };

    [Theory, MemberData(nameof(Closings))]
    public async Task Clicking_a_marker_opens_the_festival_card_in_a_modal(string viewport, string closing)
    {
        await using var session = await OpenMapAsync(fixture, viewport);
        var page = session.Page;
        var marker = page.Locator(".custom-marker").First;
        var name = (await marker.Locator("img").GetAttributeAsync("alt"))!;
        var festival = PublicSite.Festivals.Single(f => PublicSite.Name(f) == name);

        await marker.ClickAsync(new() { Force = true });

        var modal = page.Locator("#festival-modal");
        var card = modal.Locator(".modal-content .festival-card");
        await Expect(card).ToBeVisibleAsync();
        await Expect(card.Locator(".festival-name")).ToHaveTextAsync(name);
        await Expect(card.Locator(".festival-location")).ToHaveTextAsync(PublicSite.Location(festival));
        await Expect(card.Locator(".band-tag")).ToHaveCountAsync(RealData.Instance.Lineups[PublicSite.Key(festival)].Count);
        switch (closing)
        {
            case "button": await modal.Locator(".modal-close").ClickAsync(); break;
            case "escape": await page.Keyboard.PressAsync("Escape"); break;
            default: await modal.ClickAsync(new LocatorClickOptions { Position = new() { X = 5, Y = 5 } }); break;
        }
        await Expect(modal).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Festivals_near_me_lists_the_nearest_festivals_with_their_distances()
    {
        await using var session = await OpenMapAsync(fixture, Viewport.Desktop.Name);
        var (lat, lng) = (48.1, 11.6); // Munich
        await session.Context.GrantPermissionsAsync(["geolocation"]);
        await session.Context.SetGeolocationAsync(new Geolocation { Latitude = (float)lat, Longitude = (float)lng });
        var nearest = PublicSite.Festivals.Where(PublicSite.HasCoordinates)
            .Select(f => (Name: PublicSite.Name(f), Km: Kilometres(lat, lng, f.GetProperty("coordinates").GetProperty("lat").GetDouble(), f.GetProperty("coordinates").GetProperty("lng").GetDouble())))
            .OrderBy(f => f.Km).Take(3).ToList();

        await session.Page.Locator(".near-me-button").ClickAsync();

        var items = session.Page.Locator(".near-list li");
        await Expect(items.First).ToContainTextAsync(nearest[0].Name);
        for (var i = 0; i < nearest.Count; i++)
        {
            var text = (await items.Nth(i).TextContentAsync())!;
            Assert.StartsWith(nearest[i].Name, text, StringComparison.Ordinal);
            var km = int.Parse(Regex.Match(text, @"(\d+) km$").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(km, nearest[i].Km * 0.99 - 1, nearest[i].Km * 1.01 + 1);
        }
    }

    /// <summary>Great-circle distance (haversine, mean Earth radius).</summary>
    private static double Kilometres(double lat1, double lng1, double lat2, double lng2)
    {
        static double Rad(double d) => d * Math.PI / 180;
        var a = Math.Pow(Math.Sin(Rad(lat2 - lat1) / 2), 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(Rad(lng2 - lng1) / 2), 2);
        return 2 * 6371.0088 * Math.Asin(Math.Sqrt(a));
    }

    [Fact]
    public async Task Switching_views_happens_in_the_page_without_a_reload()
    {
        await using var session = await PublicSite.OpenAsync(fixture, Viewport.Desktop.Name);
        var page = session.Page;
        await page.EvaluateAsync("() => { window.sameDocument = true; }");

        await page.Locator(".view-link[href='/map']").First.ClickAsync();
        await Expect(page.Locator(".custom-marker")).ToHaveCountAsync(WithCoordinates);
        Assert.EndsWith("/map", page.Url);
        await Expect(page.Locator("#map-view")).ToBeVisibleAsync();
        await page.Locator(".view-link[href='/']").First.ClickAsync();
        await Expect(page.Locator("#timeline-content")).ToBeVisibleAsync();
        Assert.EndsWith("/", page.Url);
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"));
    }

    [Fact]
    public async Task Filters_remove_markers_and_clearing_brings_them_back()
    {
        await using var session = await OpenMapAsync(fixture, Viewport.Desktop.Name);
        var page = session.Page;
        var expected = PublicSite.Festivals.Where(PublicSite.HasCoordinates)
            .Count(f => PublicSite.Location(f).Contains("Sweden", StringComparison.OrdinalIgnoreCase) || PublicSite.Name(f).Contains("Sweden", StringComparison.OrdinalIgnoreCase));

        await page.Locator(".search-filter-input").FillAsync("Sweden");
        await Expect(page.Locator(".custom-marker")).ToHaveCountAsync(expected);
        await page.Locator(".search-filter-input").FillAsync("");
        await Expect(page.Locator(".custom-marker")).ToHaveCountAsync(WithCoordinates);

        await page.Locator(".custom-marker").First.ClickAsync(new() { Force = true });
        await page.Locator("#festival-modal .star-icon").ClickAsync();
        await page.Locator("#festival-modal .modal-close").ClickAsync();
        await page.Locator(".filter-button").ClickAsync();
        await Expect(page.Locator(".custom-marker")).ToHaveCountAsync(1);
        await page.Locator(".filter-button").ClickAsync();
        await Expect(page.Locator(".custom-marker")).ToHaveCountAsync(WithCoordinates);
    }
}
