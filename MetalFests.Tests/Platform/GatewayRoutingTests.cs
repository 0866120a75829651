using System.Net;
using System.Text.Json;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.Platform;

[Collection(AppCollection.Name)]
public sealed class GatewayRoutingTests(AppFixture fixture)
{
    [Theory]
    [InlineData("/api/festivals", "festivals")]
    [InlineData("/api/festivals/hellfest/editions", "editions")]
    [InlineData("/api/bands?limit=1", "bands")]
    [InlineData("/api/genres", "genres")]
    [InlineData("/api/roles", "roles")]
    public async Task Public_paths_reach_the_service_that_owns_them(string path, string listProperty)
    {
        using var response = await fixture.Gateway.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.GetProperty(listProperty).GetArrayLength() > 0);
    }

    [Theory]
    [InlineData("festivals", "MetalFests.FestivalsService", "/api/festivals/{key}")]
    [InlineData("catalog", "MetalFests.CatalogService", "/api/bands/{key}")]
    public async Task Each_service_document_is_published_under_the_service_name(string service, string title, string aPath)
    {
        using var body = JsonDocument.Parse(await fixture.Gateway.GetStringAsync($"/openapi/{service}.json"));

        Assert.StartsWith(title, body.RootElement.GetProperty("info").GetProperty("title").GetString());
        Assert.True(body.RootElement.GetProperty("paths").TryGetProperty(aPath, out _));
    }

    [Fact]
    public async Task The_gateway_document_covers_every_public_endpoint_of_both_services()
    {
        using var body = JsonDocument.Parse(await fixture.Gateway.GetStringAsync("/openapi/v1.json"));

        var paths = body.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        string[] seed =
        [
            "/api/festivals", "/api/festivals/upcoming", "/api/festivals/{key}", "/api/festivals/{key}/editions", "/api/festivals/{key}/editions/{year}",
            "/api/bands", "/api/bands/reviewed", "/api/bands/unreviewed", "/api/bands/{key}", "/api/bands/{key}/festivals",
            "/api/genres", "/api/genres/{key}", "/api/genres/{key}/bands", "/api/roles", "/api/roles/{key}", "/api/roles/{key}/members",
        ];
        Assert.Subset(paths, seed.ToHashSet());
        // The server is the address the document was read at (the gateway's), not a service's.
        var server = Assert.Single(body.RootElement.GetProperty("servers").EnumerateArray());
        Assert.Equal(fixture.Gateway.BaseAddress!.GetLeftPart(UriPartial.Authority), server.GetProperty("url").GetString());
        Assert.True(body.RootElement.GetProperty("components").GetProperty("schemas").TryGetProperty("ErrorEnvelope", out _));
    }

    [Fact]
    public async Task The_interactive_documentation_page_is_served()
    {
        using var response = await fixture.Gateway.GetAsync("/docs/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.ToString());
    }
}
