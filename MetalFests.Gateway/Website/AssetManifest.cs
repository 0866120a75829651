using System.Text.Json;

namespace MetalFests.Gateway.Website;

/// <summary>
/// The build's list of fingerprinted files (<c>asset-manifest.json</c>, written by
/// MetalFests.Web/build.mjs), read again whenever the site is rebuilt under a running gateway.
/// </summary>
public sealed class AssetManifest(string path)
{
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

    private HashSet<string> Read()
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            return [.. document.RootElement.GetProperty("immutable").EnumerateArray().Select(e => e.GetString()!)];
        }
        catch (IOException)
        {
            // Being rewritten: nothing is immutable until it is back.
            return [];
        }
    }
}
