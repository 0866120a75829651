namespace MetalFests.Deploy.Edge;

/// <summary>
/// The CloudFront path patterns of a public route prefix (<c>QueryParameters.ByRoute</c>'s keys). Patterns
/// are globs, so <c>/api/bands*</c> would take <c>/api/bandsx</c> too: a prefix is its own path plus its
/// subtree (<c>/api/bands</c>, <c>/api/bands/*</c>). A prefix naming a document (<c>/api/festivals.ics</c>)
/// has no subtree and is matched alone; that keeps the distribution under CloudFront's default quota of
/// 25 cache behaviours (what is left of <c>/api</c> goes to the uncached <c>/api/*</c>).
/// </summary>
public static class PublicRoutePatterns
{
    public static IEnumerable<string> Of(string prefix) =>
        Path.HasExtension(prefix) ? [prefix] : [prefix, prefix + "/*"];
}
