namespace MetalFests.ServiceDefaults;

/// <summary>The media types the public API answers with: services label their answers, the edge compresses them.</summary>
public static class MediaTypes
{
    public const string Json = "application/json";

    /// <summary>RFC 7396: a JSON Merge Patch, the body of every <c>PATCH</c>.</summary>
    public const string MergePatch = "application/merge-patch+json";

    /// <summary>RFC 7946 §12: GeoJSON is always UTF-8, so it takes no charset parameter.</summary>
    public const string GeoJson = "application/geo+json";

    /// <summary>RFC 5545 §8.1 (the calendar feeds).</summary>
    public const string Calendar = "text/calendar";

    public static readonly IReadOnlyList<string> Compressible = [Json, GeoJson, Calendar];
}
