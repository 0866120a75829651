using MetalFests.Api.Versioning;

namespace MetalFests.Api.Invalidation;

/// <summary>
/// The invalidation paths of changed pages, under CloudFront's matching rules: a path covers that path
/// with every query string; a <c>*</c> may only end a path and covers every path that starts with what
/// precedes it — so <c>/api/bands/metallica/*</c> does not cover <c>/api/bands/metallica</c>, and
/// <c>/api/bands/metallica*</c> would, but also <c>/api/bands/metallica-tribute</c>. An entity's pages are
/// therefore its exact page plus <c>{page}/*</c>: two paths, one wildcard, nothing of another entity.
/// Every public page lives in each version (<see cref="ApiVersions.All"/>), so each path is sent once per version
/// (<c>/api/bands/metallica</c> and <c>/api/v2/bands/metallica</c>). <see cref="InvalidationBudget"/> then bounds the count.
/// </summary>
public static class InvalidationPaths
{
    public const char Wildcard = '*';

    /// <summary>Every page listing a collection (filters and paging are query strings, which a path covers).</summary>
    private static readonly IReadOnlyDictionary<string, string[]> ListPages = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [Collections.Festivals] = ["/api/festivals", "/api/festivals/upcoming", "/api/festivals.ics", "/api/festivals.geojson"],
        // The all-festivals calendar prints every line-up: any band write may change it.
        [Collections.Bands] = ["/api/bands", "/api/bands/reviewed", "/api/bands/unreviewed", "/api/festivals.ics"],
        [Collections.Genres] = ["/api/genres"],
        [Collections.Roles] = ["/api/roles"],
    };

    /// <summary>Pages of an entity beside its own subtree (the festival's calendar feed).</summary>
    private static IEnumerable<string> Siblings(string collection, string key) =>
        collection == Collections.Festivals ? [$"/api/festivals/{key}.ics"] : [];

    public static string CollectionPath(string collection) => $"/api/{collection}";

    public static IReadOnlyList<string> For(ChangedPages pages)
    {
        var paths = new List<string>();
        foreach (var list in pages.Lists.Order(StringComparer.Ordinal))
        {
            paths.AddRange(ListPages[list]);
        }
        var whole = pages.Entities.Where(e => e.Only is null).Select(e => (e.Collection, e.Key)).ToHashSet();
        foreach (var entity in pages.Entities.OrderBy(e => e.Collection, StringComparer.Ordinal).ThenBy(e => e.Key, StringComparer.Ordinal).ThenBy(e => e.Only, StringComparer.Ordinal))
        {
            var page = $"{CollectionPath(entity.Collection)}/{entity.Key}";
            switch (entity.Only)
            {
                case null:
                    paths.Add(page);
                    paths.Add(page + "/" + Wildcard);
                    paths.AddRange(Siblings(entity.Collection, entity.Key));
                    break;
                case var _ when whole.Contains((entity.Collection, entity.Key)):
                    break;
                case EntityPages.Detail:
                    paths.Add(page);
                    break;
                default:
                    paths.Add(page + "/" + entity.Only);
                    break;
            }
        }
        var distinct = paths.Distinct(StringComparer.Ordinal).ToList();
        return InvalidationBudget.Fit([.. ApiVersions.All.SelectMany(version => distinct.Select(path => ApiVersions.PathOf(version, path)))]);
    }

    public static bool IsWildcard(string path) => path.EndsWith(Wildcard);
}
