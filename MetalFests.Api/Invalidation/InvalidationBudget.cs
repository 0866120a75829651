using MetalFests.Api.Versioning;

namespace MetalFests.Api.Invalidation;

/// <summary>
/// How many paths one write may invalidate. CloudFront allows 15 wildcard paths in progress at once per
/// distribution (an invalidation takes about a minute) and bills every path beyond 1,000 a month. Every page is sent
/// once per API version, and the budget is per version: one invalidation holds at most 5 wildcards and 25 paths a
/// version (<see cref="MaxWildcards"/>, <see cref="MaxPaths"/>; with two versions 10 and 50, so one write's
/// wildcards fit with room for a small one in the same minute). Over either, the collection of one version with the
/// most paths is replaced by one wildcard over all its entities (<c>/api/bands/*</c>, <c>/api/v2/bands/*</c>), again
/// until both hold — at worst every version's four collection wildcards and their list pages, which fit. A band on
/// 30 festivals' line-ups thus invalidates <c>/api/festivals/*</c> and <c>/api/v2/festivals/*</c> rather than 60
/// festival subtrees.
/// </summary>
public static class InvalidationBudget
{
    public static readonly int MaxWildcards = 5 * ApiVersions.All.Count;
    public static readonly int MaxPaths = 25 * ApiVersions.All.Count;

    /// <summary>Where each version's pages start (<c>/api</c>, <c>/api/v2</c>), the longest first.</summary>
    private static readonly IReadOnlyList<string> VersionRoots =
        [.. ApiVersions.All.Select(version => ApiVersions.PathOf(version, ApiVersions.ApiRoot)).OrderByDescending(root => root.Length)];

    public static IReadOnlyList<string> Fit(IReadOnlyList<string> paths)
    {
        var fitted = paths.ToList();
        while (fitted.Count(InvalidationPaths.IsWildcard) > MaxWildcards || fitted.Count > MaxPaths)
        {
            var prefix = Broadest(fitted, EntityPrefix)
                ?? throw new InvalidOperationException($"No wildcard narrows {string.Join(", ", fitted)} to the budget");
            var at = fitted.FindIndex(p => p.StartsWith(prefix, StringComparison.Ordinal));
            fitted.RemoveAll(p => p.StartsWith(prefix, StringComparison.Ordinal));
            fitted.Insert(at, prefix + InvalidationPaths.Wildcard);
        }
        return fitted;
    }

    /// <summary>The prefix the most paths share (on a tie the longest, the narrower wildcard); null if none has one.</summary>
    private static string? Broadest(IEnumerable<string> paths, Func<string, string?> prefixOf) =>
        paths.Select(prefixOf).OfType<string>()
            .CountBy(p => p, StringComparer.Ordinal)
            .OrderByDescending(c => c.Value).ThenByDescending(c => c.Key.Length).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => c.Key).FirstOrDefault();

    /// <summary>The version root a path lives under (<c>/api</c> or <c>/api/v2</c>) and the rest of it.</summary>
    private static (string Root, string[] Parts) Split(string path)
    {
        var root = VersionRoots.FirstOrDefault(r => path.StartsWith(r + "/", StringComparison.Ordinal)) ?? "";
        return (root, path[root.Length..].Split('/'));
    }

    /// <summary>
    /// <c>/api/bands/</c> (or <c>/api/v2/bands/</c>) for a path of one band's pages (<c>/api/bands/metallica/*</c>);
    /// null for list pages and collection wildcards.
    /// </summary>
    private static string? EntityPrefix(string path)
    {
        var (root, rest) = Split(path);
        // "", collection, key, ...
        return rest.Length >= 3 && rest[2] != InvalidationPaths.Wildcard.ToString() && rest[2].Length > 0 ? $"{root}/{rest[1]}/" : null;
    }
}
