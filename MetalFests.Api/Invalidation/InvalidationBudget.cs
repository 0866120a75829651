namespace MetalFests.Api.Invalidation;

/// <summary>
/// How many paths one write may invalidate. CloudFront allows 15 wildcard paths in progress at once per
/// distribution (an invalidation takes about a minute) and bills every path beyond 1,000 a month; so one
/// invalidation holds at most <see cref="MaxWildcards"/> wildcards (three writes in the same minute fit) and
/// <see cref="MaxPaths"/> paths. Over either, the collection with the most paths is replaced by one wildcard
/// over all its entities (<c>/api/bands/*</c>), again until both hold — at worst the four collections'
/// wildcards and their list pages, which fit. A band on 30 festivals' line-ups thus invalidates
/// <c>/api/festivals/*</c> rather than 30 festival subtrees.
/// </summary>
public static class InvalidationBudget
{
    public const int MaxWildcards = 5;
    public const int MaxPaths = 25;

    public static IReadOnlyList<string> Fit(IReadOnlyList<string> paths)
    {
        var fitted = paths.ToList();
        while (fitted.Count(InvalidationPaths.IsWildcard) > MaxWildcards || fitted.Count > MaxPaths)
        {
            var (prefix, _) = fitted.Select(EntityPrefix).OfType<string>()
                .CountBy(p => p, StringComparer.Ordinal)
                .OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
                .First();
            var at = fitted.FindIndex(p => EntityPrefix(p) == prefix);
            fitted.RemoveAll(p => EntityPrefix(p) == prefix);
            fitted.Insert(at, prefix + InvalidationPaths.Wildcard);
        }
        return fitted;
    }

    /// <summary><c>/api/bands/</c> for a path of one band's pages (<c>/api/bands/metallica/*</c>); null for list pages and collection wildcards.</summary>
    private static string? EntityPrefix(string path)
    {
        var parts = path.Split('/');
        // "", "api", collection, key, ...
        return parts.Length >= 4 && parts[3] != InvalidationPaths.Wildcard.ToString() && parts[3].Length > 0 ? $"/api/{parts[2]}/" : null;
    }
}
