using System.Text.Json.Nodes;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.Versioning;

/// <summary>One OpenAPI document per version, merged by the gateway: v1 the unversioned paths with offsets, v2 the <c>/api/v2/</c> paths with the cursor.</summary>
[Collection(AppCollection.Name)]
public sealed class VersionDocumentTests(AppFixture fixture)
{
    [Fact]
    public async Task Each_version_has_its_own_document_with_its_own_paths()
    {
        var v1 = await DocumentAsync("/openapi/v1.json");
        var v2 = await DocumentAsync("/openapi/v2.json");

        Assert.Contains("/api/bands", Paths(v1));
        Assert.Contains("/api/festivals/{key}", Paths(v1));
        Assert.DoesNotContain(Paths(v1), p => p.StartsWith("/api/v2/", StringComparison.Ordinal));
        Assert.Contains("/api/v2/bands", Paths(v2));
        Assert.Contains("/api/v2/festivals/{key}", Paths(v2));
        Assert.DoesNotContain("/api/bands", Paths(v2));
    }

    [Fact]
    public async Task The_v2_band_list_is_documented_as_paging_by_cursor_and_v1_by_offset()
    {
        var v1 = Parameters((await DocumentAsync("/openapi/v1.json"))["paths"]!["/api/bands"]!["get"]!);
        var v2Operation = (await DocumentAsync("/openapi/v2.json"))["paths"]!["/api/v2/bands"]!["get"]!;

        Assert.Contains("offset", v1);
        Assert.Contains("cursor", Parameters(v2Operation));
        Assert.DoesNotContain("offset", Parameters(v2Operation));
        Assert.Contains("cursor", (string)v2Operation["description"]!);
    }

    [Fact]
    public async Task Each_service_publishes_its_document_of_each_version()
    {
        Assert.Contains("/api/v2/bands", Paths(await DocumentAsync("/openapi/catalog-v2.json")));
        Assert.Contains("/api/v2/festivals", Paths(await DocumentAsync("/openapi/festivals-v2.json")));
    }

    private async Task<JsonNode> DocumentAsync(string path) => JsonNode.Parse(await fixture.Gateway.GetStringAsync(path))!;

    private static List<string> Paths(JsonNode document) => [.. document["paths"]!.AsObject().Select(p => p.Key)];

    private static List<string> Parameters(JsonNode operation) =>
        [.. (operation["parameters"]?.AsArray() ?? []).Select(p => (string)p!["name"]!)];
}
