using System.Text.Json;

namespace MetalFests.Gateway.Website;

/// <summary>
/// The build's list of fingerprinted files (<c>asset-manifest.json</c>, written by
/// MetalFests.Web/build.mjs), read again whenever the site is rebuilt under a running gateway.
/// </summary>
public sealed class AssetManifest(string path)
{
    /// <summary>The manifest's name in the site's root.</summary>
    public const string FileName = "asset-manifest.json";

    /// <summary>Cache-Control of a fingerprinted file: it never changes.</summary>
    public const string ImmutableCacheControl = "public, max-age=31536000, immutable";

    /// <summary>Cache-Control of everything else (pages, stable names): revalidated every time.</summary>
    public const string RevalidateCacheControl = "no-cache";

    private (DateTime Written, HashSet<string> Files) _current = (DateTime.MinValue, []);

    public bool IsFingerprinted(string sitePath)
    {
        var written = File.GetLastWriteTimeUtc(path);
        var current = _current;
        if (written != current.Written)
        {
            current = (written, Read());
            _current = current;
        }
        return current.Files.Contains(sitePath);
    }

    /// <summary>The fingerprinted files' site paths (no leading slash) listed in the manifest at <paramref name="manifestPath"/>.</summary>
    public static HashSet<string> ReadFiles(string manifestPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(manifestPath));
        return [.. document.RootElement.GetProperty("immutable").EnumerateArray().Select(e => e.GetString()!)];
    }

    private HashSet<string> Read()
    {
        try
        {
            return ReadFiles(path);
        }
        catch (IOException)
        {
            // Being rewritten: nothing is immutable until it is back.
            return [];
        }
    }
}
