using System.Net;
using System.Text.Json.Nodes;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.AdminApi;

/// <summary><c>GET /api/admin/stats</c> and <c>/api/admin/health</c>, read with the viewer's key.</summary>
[Collection(WritesCollection.Name)]
public sealed class AdminReadTests(WritesFixture fixture)
{
    private readonly HttpClient api = fixture.Gateway;

    [Fact]
    public async Task Stats_count_what_the_public_lists_report()
    {
        // Whatever the write tests before this one left: the collection runs one test at a time, so nothing writes in between.
        var stats = await AdminAsync("/api/admin/stats");
        var festivals = await api.FreshAsync("/api/festivals");
        var expected = new JsonObject
        {
            ["festivals"] = (int)festivals["count"]!,
            ["editions"] = festivals["festivals"]!.AsArray().Sum(f => (int)f!["totalEditions"]!),
            ["bands"] = await TotalAsync("/api/bands"),
            ["reviewedBands"] = await TotalAsync("/api/bands/reviewed"),
            ["unreviewedBands"] = await TotalAsync("/api/bands/unreviewed"),
            ["genres"] = (int)(await api.FreshAsync("/api/genres"))["count"]!,
            ["roles"] = (int)(await api.FreshAsync("/api/roles"))["count"]!,
        };

        Answers.AssertJson(expected.ToJsonString(), stats);
        Assert.Equal((int)stats["bands"]!, (int)stats["reviewedBands"]! + (int)stats["unreviewedBands"]!);
    }

    [Fact]
    public async Task Health_is_200_Healthy_with_a_dynamodb_check()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var health = await AdminAsync("/api/admin/health");
        var took = clock.Elapsed.TotalMilliseconds;

        Assert.Equal("Healthy", (string?)health["status"]);
        Assert.Equal("Healthy", (string?)health["checks"]!["dynamodb"]!["status"]);
        // The check runs for this request: it took no longer than the whole request did.
        Assert.InRange((double)health["checks"]!["dynamodb"]!["durationMs"]!, 0, took);
    }

    private async Task<JsonNode> AdminAsync(string path) =>
        (await api.SendAsync(HttpMethod.Get, path, null, AppFixture.ViewerKey).ExpectAsync(HttpStatusCode.OK)).Json;

    private async Task<int> TotalAsync(string list) => (int)(await api.FreshAsync(list + "?limit=1"))["total"]!;
}
