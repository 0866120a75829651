using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace MetalFests.Gateway.Website;

/// <summary>
/// The website's content security policy: its own scripts only (ES modules, no inline script), styles of
/// its own plus inline ones (Leaflet positions tiles and markers with style attributes), images from
/// itself, <c>data:</c> (Leaflet's icons), HTTPS (posters live on the festivals' hosts) and the map's tile
/// server as the build wrote it into the page (<c>metalfests:tiles</c>), the API on its own origin, no
/// framing, no plugins.
/// </summary>
public sealed partial class WebsitePolicy
{
    public WebsitePolicy(IOptions<WebsiteOptions> options, IWebHostEnvironment environment)
    {
        ContentSecurityPolicy = ContentSecurityPolicyOf(Path.GetFullPath(options.Value.Root ?? "", environment.ContentRootPath));
    }

    /// <summary>The policy of the website built into <paramref name="websiteRoot"/> (the deployment's CloudFront sends it too).</summary>
    public static string ContentSecurityPolicyOf(string websiteRoot)
    {
        var page = Path.Combine(websiteRoot, "index.html");
        var tiles = File.Exists(page) && TilesMeta().Match(File.ReadAllText(page)) is { Success: true } match
            && Uri.TryCreate(match.Groups[1].Value.Replace("{", "").Replace("}", ""), UriKind.Absolute, out var tileUrl)
            ? " " + tileUrl.GetLeftPart(UriPartial.Authority)
            : "";
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + $"img-src 'self' data: https:{tiles}; connect-src 'self'; font-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    public string ContentSecurityPolicy { get; }

    [GeneratedRegex("""<meta\s+name="metalfests:tiles"\s+content="([^"]+)"\s*/?>""")]
    private static partial Regex TilesMeta();
}
