using System.Net;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.Feeds;

/// <summary>
/// A write evicts the feeds that show what it changed, as it evicts the JSON they are made from: an
/// edition write every calendar of its festival and the map; a band's rename the calendars naming it,
/// not the map. The text written comes back escaped (semicolons, commas) and in UTF-8.
/// </summary>
[Collection(WritesCollection.Name)]
public sealed class FeedEvictionTests(WritesFixture fixture)
{
    private const string FestivalName = "Fête; du Métal, Ünïcode";
    private const string BandName = "Semi; Colon, Bänd";

    [Fact]
    public async Task An_edition_write_evicts_its_festival_calendars_and_the_map_and_a_band_rename_its_calendars_only()
    {
        var api = fixture.Gateway;
        var festival = AdminRequests.UniqueKey("feed-fest");
        var band = AdminRequests.UniqueKey("feed-band");
        var added = AdminRequests.UniqueKey("feed-added");
        await Succeed(api.AdminPostAsync("/api/admin/festivals", AdminRequests.Festival(festival, FestivalName)));
        await Succeed(api.AdminPostAsync("/api/admin/bands", AdminRequests.Band(band, BandName)));
        await Succeed(api.AdminPostAsync("/api/admin/bands", AdminRequests.Band(added, "Added Band")));
        await Succeed(api.AdminPutAsync($"/api/festivals/{festival}/editions/2030", AdminRequests.Edition(2030, [band])));

        var probe = $"probe={Guid.NewGuid():N}";
        var own = $"/api/festivals/{festival}.ics?{probe}";
        var chosen = $"/api/festivals.ics?festivals={festival}&{probe}";
        var all = $"/api/festivals.ics?{probe}";
        var map = $"/api/festivals.geojson?{probe}";
        var elsewhere = "/api/festivals/hellfest.ics?" + probe;
        string[] calendars = [own, chosen, all];
        foreach (var url in calendars.Append(map).Append(elsewhere))
        {
            await api.ColdAsync(url);
            Assert.Equal("Miss", await CacheStatusAsync(url));
            Assert.Equal("Hit", await CacheStatusAsync(url));
        }
        foreach (var url in calendars)
        {
            using var feed = await CalendarFeed.GetAsync(api, url);
            var e = feed.Event(festival, 2030);
            Assert.Equal(FestivalName, e.Summary);
            Assert.Equal($"Line-up: {BandName}\nTickets: 199.50 EUR", e.Description);
            Assert.Contains(@"SUMMARY:Fête\; du Métal\, Ünïcode", feed.UnfoldedLines);
            Assert.Contains(@"DESCRIPTION:Line-up: Semi\; Colon\, Bänd\nTickets: 199.50 EUR", feed.UnfoldedLines);
        }

        await Succeed(api.AdminPutAsync($"/api/festivals/{festival}/editions/2030", AdminRequests.Edition(2030, [band, added])));

        foreach (var url in calendars.Append(map))
        {
            await api.ColdAsync(url);
            Assert.Equal("Miss", await CacheStatusAsync(url));
        }
        Assert.Equal("Hit", await CacheStatusAsync(elsewhere));
        foreach (var url in calendars)
        {
            using var feed = await CalendarFeed.GetAsync(api, url);
            Assert.Equal($"Line-up: {BandName}, Added Band\nTickets: 199.50 EUR", feed.Event(festival, 2030).Description);
        }
        Assert.Equal("Hit", await CacheStatusAsync(map));

        await Succeed(api.AdminPutAsync($"/api/bands/{added}", AdminRequests.Band(added, "Renamed, Band")));

        foreach (var url in calendars)
        {
            await api.ColdAsync(url);
            Assert.Equal("Miss", await CacheStatusAsync(url));
            using var feed = await CalendarFeed.GetAsync(api, url);
            Assert.Equal($"Line-up: {BandName}, Renamed, Band\nTickets: 199.50 EUR", feed.Event(festival, 2030).Description);
        }
        // The map shows no line-up: a band's rename leaves it cached.
        Assert.Equal("Hit", await CacheStatusAsync(map));
    }

    [Fact]
    public async Task A_new_festival_with_coordinates_appears_on_the_map_after_its_creation()
    {
        var api = fixture.Gateway;
        var map = await api.ColdAsync("/api/festivals.geojson");
        Assert.Equal("Miss", await CacheStatusAsync(map));
        Assert.Equal("Hit", await CacheStatusAsync(map));
        var festival = AdminRequests.UniqueKey("feed-map");

        await Succeed(api.AdminPostAsync("/api/admin/festivals", AdminRequests.Festival(festival, FestivalName)));

        using var response = await api.GetAsync(map);
        Assert.Equal("Miss", response.Headers.GetValues("X-Cache").Single());
        var feature = (await response.JsonAsync())["features"]!.AsArray().Single(f => f!["id"]!.GetValue<string>() == festival)!;
        // AdminRequests.Festival places it at lat 47.09, lng -1.27.
        Assert.Equal([-1.27, 47.09], feature["geometry"]!["coordinates"]!.AsArray().Select(c => c!.GetValue<double>()));
        Assert.Equal(FestivalName, feature["properties"]!["festivalName"]!.GetValue<string>());
    }

    private async Task<string> CacheStatusAsync(string url)
    {
        using var response = await fixture.Gateway.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}");
        return response.Headers.GetValues("X-Cache").Single();
    }

    private static async Task Succeed(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
