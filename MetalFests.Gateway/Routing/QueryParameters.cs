using System.Text;
using MetalFests.Api.Versioning;
using Microsoft.AspNetCore.WebUtilities;

namespace MetalFests.Gateway.Routing;

/// <summary>
/// The query parameters each public route accepts: the one list the edge cache key is made of, and the
/// one the deployment's CloudFront cache policy allow-lists per behaviour. Any other parameter is dropped
/// before the cache looks and before the request is forwarded (the services never see it), so
/// <c>?zz=1</c>, <c>?zz=2</c>, … are all the same entry as no query at all.
/// </summary>
public static class QueryParameters
{
    private static readonly string[] Paging = ["limit", "offset"];

    private static readonly Dictionary<string, string[]> Version1 = new(StringComparer.Ordinal)
    {
        ["/api/festivals"] = ["country", "from", "limit", "near", "offset", "q", "radiusKm", "to"],
        ["/api/festivals.geojson"] = [],
        ["/api/festivals.ics"] = ["festivals"],
        ["/api/bands"] = ["country", "genre", "limit", "offset", "q", "reviewed"],
        ["/api/genres"] = Paging,
        ["/api/roles"] = Paging,
    };

    /// <summary>Version 2 changes only the band lists: a <c>cursor</c> instead of <c>offset</c>.</summary>
    private static string[] InVersion2(string prefix, string[] names) =>
        prefix == "/api/bands" ? [.. names.Where(n => n != "offset").Append("cursor").Order(StringComparer.Ordinal)] : names;

    /// <summary>Per public route prefix (as in <see cref="RouteTable"/>, every version), the accepted names, in the order the key lists them.</summary>
    public static IReadOnlyDictionary<string, string[]> ByRoute { get; } = new Dictionary<string, string[]>(
        Version1.Concat(Version1.Select(route => KeyValuePair.Create(ApiVersions.PathOf(ApiVersions.V2, route.Key), InVersion2(route.Key, route.Value)))),
        StringComparer.Ordinal);

    /// <summary>
    /// The canonical query of a public read: only the route's parameters, in the listed order, names as
    /// listed (binding is case-insensitive), values in one percent-encoding; the query unchanged when the
    /// path is no public route.
    /// </summary>
    public static QueryString Canonical(PathString path, QueryString query)
    {
        if (!query.HasValue || Accepted(path) is not { } accepted)
        {
            return query;
        }
        var parsed = QueryHelpers.ParseQuery(query.Value);
        var canonical = new StringBuilder();
        foreach (var name in accepted)
        {
            if (!parsed.TryGetValue(name, out var values))
            {
                continue;
            }
            foreach (var value in values)
            {
                canonical.Append(canonical.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value ?? ""));
            }
        }
        return canonical.Length == 0 ? QueryString.Empty : new QueryString(canonical.ToString());
    }

    /// <summary>Whether the path is under one of the public routes.</summary>
    public static bool IsPublicRoute(PathString path) => Accepted(path) is not null;

    /// <summary><see cref="ByRoute"/> as an array: looked up on every request, without an enumerator to allocate.</summary>
    private static readonly KeyValuePair<string, string[]>[] Routes = [.. ByRoute];

    private static string[]? Accepted(PathString path)
    {
        foreach (var (prefix, names) in Routes)
        {
            if (path.StartsWithSegments(prefix, StringComparison.Ordinal))
            {
                return names;
            }
        }
        return null;
    }
}
