using System.Net;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.Edge;

/// <summary>
/// A write through the gateway evicts exactly the cached pages that show what it changed (the labels
/// of its response), so a read right after it shows the new data, and every other page stays cached.
/// </summary>
[Collection(WritesCollection.Name)]
public sealed class AutomaticInvalidationTests(WritesFixture fixture)
{
    [Fact]
    public async Task A_band_update_evicts_its_pages_the_band_lists_and_the_festival_pages_featuring_it_and_nothing_else()
    {
        var api = fixture.Gateway;
        var band = AdminRequests.UniqueKey("inv-band");
        var other = AdminRequests.UniqueKey("inv-other");
        var featuring = AdminRequests.UniqueKey("inv-fest");
        var elsewhere = AdminRequests.UniqueKey("inv-elsewhere");
        await Succeed(api.AdminPostAsync("/api/admin/bands", AdminRequests.Band(band, "Invalidation Band")));
        await Succeed(api.AdminPostAsync("/api/admin/bands", AdminRequests.Band(other, "Other Band")));
        await Succeed(api.AdminPostAsync("/api/admin/festivals", AdminRequests.Festival(featuring)));
        await Succeed(api.AdminPostAsync("/api/admin/festivals", AdminRequests.Festival(elsewhere)));
        await Succeed(api.AdminPutAsync($"/api/festivals/{featuring}/editions/2030", AdminRequests.Edition(2030, [band, other])));
        await Succeed(api.AdminPutAsync($"/api/festivals/{elsewhere}/editions/2030", AdminRequests.Edition(2030, [other])));

        var probe = $"probe={Guid.NewGuid():N}";
        string[] evicted =
        [
            $"/api/bands/{band}?{probe}", $"/api/bands/{band}/festivals?{probe}", $"/api/bands?{probe}", $"/api/bands/unreviewed?{probe}",
            $"/api/festivals/{featuring}?{probe}", $"/api/festivals/{featuring}/editions/2030?{probe}",
        ];
        string[] kept =
        [
            $"/api/bands/{other}?{probe}", $"/api/festivals/{elsewhere}?{probe}", $"/api/festivals/{elsewhere}/editions/2030?{probe}",
            $"/api/festivals?{probe}", $"/api/genres?{probe}", $"/api/roles?{probe}",
        ];
        foreach (var url in evicted.Concat(kept))
        {
            await api.ColdAsync(url);
            Assert.Equal("Miss", await CacheStatusAsync(url));
            Assert.Equal("Hit", await CacheStatusAsync(url));
        }

        using var update = await api.AdminPutAsync($"/api/bands/{band}", AdminRequests.Band(band, "Invalidation Band", description: "Rewritten"));
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);

        Assert.All(await Task.WhenAll(evicted.Select(CacheStatusAsync)), status => Assert.Equal("Miss", status));
        Assert.All(await Task.WhenAll(kept.Select(CacheStatusAsync)), status => Assert.Equal("Hit", status));
        using var page = await api.GetAsync(evicted[0]);
        Assert.Equal("Rewritten", (await page.JsonAsync())["band"]!["description"]!.GetValue<string>());

        // The invalidation id the write answered with is known to the gateway, and done.
        var id = (await update.JsonAsync())["cacheInvalidation"]!["invalidationId"]!.GetValue<string>();
        using var status = await api.SendAsync(HttpMethod.Get, $"/api/admin/cache/status?id={id}", null);
        Assert.Equal("Completed", (await status.JsonAsync())["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_read_right_after_an_edition_write_shows_the_new_line_up()
    {
        var api = fixture.Gateway;
        var festival = AdminRequests.UniqueKey("raw-fest");
        var first = AdminRequests.UniqueKey("raw-band");
        var second = AdminRequests.UniqueKey("raw-band");
        await Succeed(api.AdminPostAsync("/api/admin/festivals", AdminRequests.Festival(festival)));
        await Succeed(api.AdminPostAsync("/api/admin/bands", AdminRequests.Band(first, "First")));
        await Succeed(api.AdminPostAsync("/api/admin/bands", AdminRequests.Band(second, "Second")));
        await Succeed(api.AdminPutAsync($"/api/festivals/{festival}/editions/2030", AdminRequests.Edition(2030, [first])));
        var path = $"/api/festivals/{festival}/editions/2030";
        Assert.Single((await (await api.GetAsync(path)).JsonAsync())["edition"]!["bands"]!.AsArray());
        Assert.Equal("Hit", await CacheStatusAsync(path));

        await Succeed(api.AdminPutAsync(path, AdminRequests.Edition(2030, [first, second])));

        using var after = await api.GetAsync(path);
        Assert.Equal("Miss", after.Headers.GetValues("X-Cache").Single());
        Assert.Equal(2, (await after.JsonAsync())["edition"]!["bands"]!.AsArray().Count);
        using var bandFestivals = await api.GetAsync($"/api/bands/{second}/festivals");
        Assert.Equal(1, (await bandFestivals.JsonAsync())["count"]!.GetValue<int>());
    }

    private async Task<string> CacheStatusAsync(string url)
    {
        using var response = await fixture.Gateway.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode}");
        return response.Headers.GetValues("X-Cache").Single();
    }

    private static async Task Succeed(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
