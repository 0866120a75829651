using MetalFests.Tests.Infrastructure;
using static MetalFests.Tests.Edge.EdgeOverFakeOrigin;

namespace MetalFests.Tests.Edge;

/// <summary>Every answer of the edge says nosniff and its referrer policy; the website's pages carry a content security policy.</summary>
public sealed class SecurityHeadersTests
{
    [Theory]
    [InlineData("/api/genres")]
    [InlineData("/api/no-such-thing")]
    [InlineData("/")]
    public async Task Every_answer_says_nosniff_and_its_referrer_policy(string path)
    {
        await using var edge = await StartAsync();

        using var response = await edge.Client.GetAsync(path);
        using var again = await edge.Client.GetAsync(path);

        foreach (var answer in new[] { response, again })
        {
            Assert.Equal("nosniff", answer.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("strict-origin-when-cross-origin", answer.Headers.GetValues("Referrer-Policy").Single());
        }
    }

    [Fact]
    public async Task A_website_page_has_a_csp_that_allows_its_own_scripts_and_the_map_tiles_only()
    {
        await using var edge = await StartAsync();

        using var page = await edge.Client.GetAsync("/");
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        var html = await page.Content.ReadAsStringAsync();
        var tiles = new Uri(System.Text.RegularExpressions.Regex.Match(html, "metalfests:tiles\" content=\"([^\"]+)\"").Groups[1].Value.Replace("{", "").Replace("}", ""));

        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains(tiles.GetLeftPart(UriPartial.Authority), csp);
    }

    [Fact]
    public async Task Api_answers_carry_no_csp_and_no_hsts_over_http()
    {
        await using var edge = await StartAsync();

        using var response = await edge.Client.GetAsync("/api/genres");

        Assert.False(response.Headers.Contains("Content-Security-Policy"));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Over_https_every_answer_has_hsts()
    {
        await using var edge = await StartAsync();
        using var client = edge.Gateway.CreateClient(new() { BaseAddress = new Uri("https://localhost") });

        using var response = await client.GetAsync("/api/genres");

        Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single());
    }
}
