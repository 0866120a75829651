using System.Net;
using MetalFests.Tests.AdminApi;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.Versioning;

/// <summary>
/// The edge keeps each version's answer of a page apart (a v1 hit is not a v2 hit), and a write evicts both: the
/// services label v2 answers with the same entity labels as v1's.
/// </summary>
[Collection(WritesCollection.Name)]
public sealed class VersionedCachingTests(WritesFixture fixture)
{
    [Fact]
    public async Task Each_version_of_a_page_is_cached_on_its_own_and_a_write_evicts_both()
    {
        var api = fixture.Gateway;
        var band = await api.BandAsync();
        var probe = $"probe={Guid.NewGuid():N}";
        string[] pages =
        [
            $"/api/bands/{band}?{probe}", $"/api/v2/bands/{band}?{probe}",
            $"/api/bands?q={band}&{probe}", $"/api/v2/bands?q={band}&{probe}",
        ];
        foreach (var page in pages)
        {
            Assert.Equal("Miss", await CacheStatusAsync(page));
            Assert.Equal("Hit", await CacheStatusAsync(page));
        }

        await api.MergePatchAsync($"/api/bands/{band}", """{"description": "Patched for both versions"}""").ExpectAsync(HttpStatusCode.OK);

        Assert.All(await Task.WhenAll(pages.Select(CacheStatusAsync)), status => Assert.Equal("Miss", status));
        Assert.Equal("Patched for both versions", (string?)(await api.FreshAsync($"/api/v2/bands/{band}"))["band"]!["description"]);
    }

    private async Task<string> CacheStatusAsync(string url)
    {
        using var response = await fixture.Gateway.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return string.Join(",", response.Headers.GetValues("X-Cache"));
    }
}
