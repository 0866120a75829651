using System.Net.Http.Json;
using MetalFests.ServiceDefaults;
using MetalFests.Storage;
using MetalFests.Tests.Infrastructure;
using MetalFests.Tests.PublicApi;

namespace MetalFests.Tests.Memory;

/// <summary>
/// A list or search the edge has not cached costs the service one small read, not the whole list partition:
/// on average at most one DynamoDB read capacity unit per request, as DynamoDB itself reports it consumed
/// (the band list partition alone is ~0.5 MB, ~64 units). Counted by the service per route.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ReadCapacityTests(AppFixture fixture)
{
    private static async Task<RouteCapacityTotal> TotalAsync(HttpClient service, string route)
    {
        var totals = await service.GetFromJsonAsync<Dictionary<string, RouteCapacityTotal>>(ServicePaths.DynamoDbCapacity);
        return totals!.GetValueOrDefault(route) ?? new RouteCapacityTotal(0, 0);
    }

    [Theory]
    [InlineData(ServiceNames.Catalog, "/api/bands", "/api/bands?limit=20&q={0}")]
    [InlineData(ServiceNames.Catalog, "/api/bands/reviewed", "/api/bands/reviewed?limit=5&offset={1}")]
    [InlineData(ServiceNames.Catalog, "/api/v2/bands", "/api/v2/bands?limit={1}&genre=heavy-metal")]
    [InlineData(ServiceNames.Catalog, "/api/genres/{key}/bands", "/api/genres/heavy-metal/bands?limit=3&offset={1}")]
    [InlineData(ServiceNames.Catalog, "/api/roles/{key}/members", "/api/roles/drums/members?limit=3&offset={1}")]
    [InlineData(ServiceNames.Festivals, "/api/festivals", "/api/festivals?q={0}")]
    public async Task An_uncached_list_request_consumes_at_most_one_read_capacity_unit(string service, string route, string pattern)
    {
        using var client = fixture.Service(service);
        string[] terms = ["iron", "hal", "metal", "black", "sol", "the", "dark", "rock", "death", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"];
        await client.GetOkAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, "warm", terms.Length + 1));
        var before = await TotalAsync(client, route);

        for (var i = 0; i < terms.Length; i++)
        {
            await client.GetOkAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, terms[i], i + 1));
        }

        var after = await TotalAsync(client, route);
        Assert.Equal(terms.Length, after.Requests - before.Requests);
        // DynamoDB Local reports 0 for a Query that finds no item (AWS charges its minimum, 1 unit when
        // strongly consistent); this read-only instance has had no write, so its version shards do not exist yet.
        Assert.InRange((after.ReadCapacityUnits - before.ReadCapacityUnits) / terms.Length, 0, 1.0);
    }
}
