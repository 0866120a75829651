using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MetalFests.CatalogService.Bands;
using MetalFests.FestivalsService.Festivals;
using MetalFests.ServiceDefaults;
using MetalFests.ServiceDefaults.Security;
using MetalFests.Storage;
using MetalFests.Tests.AdminApi;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.Memory;

/// <summary>
/// Lists served from each instance's memory still show every write at once, with two instances of each
/// service on one table: an instance that holds a list sees a write another instance made as soon as that
/// write has answered (directly, and through a gateway that balances requests over both instances).
/// </summary>
[Collection(WritesCollection.Name)]
public sealed class ListsAcrossInstancesTests(WritesFixture fixture) : IAsyncLifetime
{
    private SecondInstance<BandFilters> _catalogB = null!;
    private SecondInstance<FestivalFilters> _festivalsB = null!;
    private HttpClient _catalogA = null!;
    private HttpClient _festivalsA = null!;
    private HttpClient _b = null!;
    private HttpClient _fb = null!;

    public Task InitializeAsync()
    {
        _catalogB = new SecondInstance<BandFilters>(fixture);
        _festivalsB = new SecondInstance<FestivalFilters>(fixture);
        _catalogA = fixture.Service(ServiceNames.Catalog);
        _festivalsA = fixture.Service(ServiceNames.Festivals);
        _b = _catalogB.Client();
        _fb = _festivalsB.Client();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var client in new[] { _catalogA, _festivalsA, _b, _fb })
        {
            client.Dispose();
        }
        await _catalogB.DisposeAsync();
        await _festivalsB.DisposeAsync();
    }

    private static async Task<JsonArray> RowsAsync(HttpClient instance, string path, string rows) =>
        (await instance.GetAsync(path).ExpectAsync(HttpStatusCode.OK)).Json![rows]!.AsArray();

    private static async Task<List<string?>> NamesAsync(HttpClient instance, string path, string rows, string name = "name") =>
        [.. (await RowsAsync(instance, path, rows)).Select(r => (string?)r![name])];

    [Fact]
    public async Task A_band_written_on_one_instance_is_in_the_other_instances_lists_at_once()
    {
        var genre = await fixture.Gateway.GenreAsync();
        var role = await fixture.Gateway.RoleAsync();
        var key = AdminRequests.UniqueKey("band");
        string[] lists = [$"/api/bands?q={key}", $"/api/bands/unreviewed?q={key}", $"/api/v2/bands?q={key}", $"/api/genres/{genre}/bands", $"/api/roles/{role}/members"];
        foreach (var instance in new[] { _catalogA, _b })
        {
            foreach (var list in lists)
            {
                await instance.GetAsync(list).ExpectAsync(HttpStatusCode.OK); // both instances hold every list
            }
        }

        await _catalogA.AdminPostAsync("/api/admin/bands", AdminRequests.Band(key, "Hällas " + key, [genre], [("Ann", [role])])).ExpectAsync(HttpStatusCode.Created);

        Assert.Equal(["Hällas " + key], await NamesAsync(_b, $"/api/bands?q=hallas {key}", "bands"));
        Assert.Equal(["Hällas " + key], await NamesAsync(_b, $"/api/bands/unreviewed?q={key}", "bands"));
        Assert.Equal(["Hällas " + key], await NamesAsync(_b, $"/api/v2/bands?q={key}", "bands"));
        Assert.Equal(["Hällas " + key], await NamesAsync(_b, $"/api/genres/{genre}/bands", "bands"));
        Assert.Equal(["Hällas " + key], await NamesAsync(_b, $"/api/roles/{role}/members", "members", "bandName"));

        await _b.AdminPutAsync($"/api/bands/{key}", AdminRequests.Band(key, "Motörhead " + key, [genre], [("Ann", [role])], reviewed: true)).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(["Motörhead " + key], await NamesAsync(_catalogA, $"/api/bands?q=motorhead {key}", "bands"));
        Assert.Empty(await NamesAsync(_catalogA, $"/api/bands/unreviewed?q={key}", "bands"));
        Assert.Equal(["Motörhead " + key], await NamesAsync(_catalogA, $"/api/bands/reviewed?q={key}", "bands"));
        Assert.Equal(["Motörhead " + key], await NamesAsync(_catalogA, $"/api/genres/{genre}/bands", "bands"));
        Assert.Equal(["Motörhead " + key], await NamesAsync(_catalogA, $"/api/roles/{role}/members", "members", "bandName"));

        await _catalogA.AdminDeleteAsync($"/api/admin/bands/{key}").ExpectAsync(HttpStatusCode.NoContent);

        Assert.Empty(await NamesAsync(_b, $"/api/bands?q={key}", "bands"));
        Assert.Empty(await NamesAsync(_b, $"/api/genres/{genre}/bands", "bands"));
        Assert.Empty(await NamesAsync(_b, $"/api/roles/{role}/members", "members", "bandName"));
    }

    [Fact]
    public async Task A_festival_written_on_one_instance_is_in_the_other_instances_list_at_once()
    {
        var key = AdminRequests.UniqueKey("fest");
        await _fb.GetAsync($"/api/festivals?q={key}").ExpectAsync(HttpStatusCode.OK);
        await _festivalsA.GetAsync($"/api/festivals?q={key}").ExpectAsync(HttpStatusCode.OK);

        await _festivalsA.AdminPostAsync("/api/admin/festivals", AdminRequests.Festival(key, "Fest " + key, "Sölvesborg, Sweden")).ExpectAsync(HttpStatusCode.Created);

        Assert.Equal(["Fest " + key], await NamesAsync(_fb, $"/api/festivals?q={key}", "festivals", "festivalName"));

        await _fb.AdminPutAsync($"/api/admin/festivals/{key}", AdminRequests.Festival(key, "Renamed " + key, "Sölvesborg, Sweden")).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(["Renamed " + key], await NamesAsync(_festivalsA, $"/api/festivals?q={key}", "festivals", "festivalName"));
    }

    [Fact]
    public async Task Through_a_gateway_balancing_two_instances_every_read_shows_the_write_before_it()
    {
        var settings = new Dictionary<string, string?>(Edge.CacheExpiryTests.Unlimited)
        {
            [$"services:{ServiceNames.Catalog}:http:1"] = _catalogB.Address.ToString(),
            [$"services:{ServiceNames.Festivals}:http:1"] = _festivalsB.Address.ToString(),
            [$"{ApiKeyOptions.SectionName}:0:{nameof(ApiKeyEntry.Id)}"] = "dev",
            [$"{ApiKeyOptions.SectionName}:0:{nameof(ApiKeyEntry.Hash)}"] = ApiKeyAuthenticator.HashOf(AppFixture.AdminKey),
            [$"{ApiKeyOptions.SectionName}:0:{nameof(ApiKeyEntry.Permission)}"] = nameof(Permission.Delete),
        };
        using var gateway = new InProcessGateway(settings, fixture);
        using var edge = gateway.CreateClient();
        var key = await fixture.Gateway.BandAsync();
        var servedByA = await ListRequestsAsync(_catalogA);
        var servedByB = await ListRequestsAsync(_b);

        for (var i = 1; i <= 16; i++)
        {
            await edge.AdminPutAsync($"/api/bands/{key}", AdminRequests.Band(key, $"Band {key} v{i}")).ExpectAsync(HttpStatusCode.OK);

            // A query of its own each time: the edge has no copy, a service answers.
            Assert.Equal([$"Band {key} v{i}"], await NamesAsync(edge, $"/api/bands?q={key}&limit={i}", "bands"));
        }

        Assert.True(await ListRequestsAsync(_catalogA) > servedByA, "the fixture's instance answered none of the reads");
        Assert.True(await ListRequestsAsync(_b) > servedByB, "the second instance answered none of the reads");
    }

    /// <summary>Requests the instance has answered on its band list routes (its own diagnostics).</summary>
    private static async Task<long> ListRequestsAsync(HttpClient instance)
    {
        var totals = await instance.GetFromJsonAsync<Dictionary<string, RouteCapacityTotal>>(ServicePaths.DynamoDbCapacity);
        return totals!.Where(t => t.Key.Contains("bands", StringComparison.Ordinal)).Sum(t => t.Value.Requests);
    }
}
