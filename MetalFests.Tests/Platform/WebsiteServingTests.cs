using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.Platform;

/// <summary>
/// The gateway serves the built website: pages at their addresses, revalidated (ETag, 304);
/// fingerprinted assets cached for a year; text compressed; API paths untouched.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class WebsiteServingTests(AppFixture fixture)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/map")]
    public async Task Pages_are_html_revalidated_with_an_etag(string path)
    {
        using var response = await fixture.Gateway.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoCache);
        Assert.Contains("<h1><a href=\"/\">Metal Festivals 2026</a></h1>", await response.Content.ReadAsStringAsync());
        var etag = response.Headers.ETag!;

        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(etag);
        using var revalidated = await fixture.Gateway.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    [Fact]
    public async Task Every_asset_a_page_references_is_fingerprinted_immutable_and_compressed()
    {
        var html = await fixture.Gateway.GetStringAsync("/");
        var assets = AssetReference().Matches(html).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Contains(assets, a => a.EndsWith(".css", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.EndsWith(".js", StringComparison.Ordinal));

        foreach (var asset in assets)
        {
            Assert.Matches(@"\.[0-9a-f]{10}\.[a-z]+$", asset);
            using var request = new HttpRequestMessage(HttpMethod.Get, asset);
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
            using var response = await fixture.Gateway.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
            if (!asset.EndsWith(".png", StringComparison.Ordinal))
            {
                Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
            }
        }
    }

    [Fact]
    public async Task The_marker_image_keeps_its_known_address()
    {
        using var response = await fixture.Gateway.GetAsync("/img/metal-fests.png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoCache);
    }

    [Theory]
    [InlineData("/api/nothing-here")]
    [InlineData("/api/festivals/x/y/z/w")]
    public async Task Unknown_api_paths_are_still_the_json_404(string path)
    {
        using var response = await fixture.Gateway.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("RESOURCE_NOT_FOUND", body.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [GeneratedRegex("""(?:src|href)="(/(?:css|js|img|vendor)/[^"]+)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex AssetReference();
}
