using System.Security.Cryptography;
using MetalFests.ServiceDefaults.Caching;
using MetalFests.Storage.Writes;
using Microsoft.AspNetCore.Http;

namespace MetalFests.Api.Writes;

/// <summary>The seed's <c>cacheInvalidation</c> block of a write response.</summary>
public sealed record CacheInvalidation(string Status, string InvalidationId, IReadOnlyList<string> Paths);

/// <summary>
/// Labels a write response with what it changed: the gateway evicts every cached response carrying
/// one of those labels (and records the invalidation under this id) before the client sees the answer.
/// </summary>
public static class WriteInvalidation
{
    public const string InProgress = "InProgress";

    public static CacheInvalidation Label(HttpContext http, ChangeSet changes)
    {
        var labels = Labels(changes).ToList();
        SurrogateKeys.Label(http, labels);
        var id = "I" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        http.Response.Headers[SurrogateKeys.InvalidationIdHeader] = id;
        return new CacheInvalidation(InProgress, id, [.. Paths(changes)]);
    }

    public static IEnumerable<string> Labels(ChangeSet changes)
    {
        if (changes.FestivalList) yield return SurrogateKeys.FestivalLists;
        if (changes.BandList) yield return SurrogateKeys.BandLists;
        if (changes.GenreList) yield return SurrogateKeys.GenreLists;
        if (changes.RoleList) yield return SurrogateKeys.RoleLists;
        foreach (var f in changes.Festivals) yield return SurrogateKeys.Festival(f);
        foreach (var b in changes.Bands) yield return SurrogateKeys.Band(b);
        foreach (var g in changes.Genres) yield return SurrogateKeys.Genre(g);
        foreach (var r in changes.Roles) yield return SurrogateKeys.Role(r);
    }

    /// <summary>The public paths the labels stand for, in the seed's pattern notation (pages that show a labelled entity go too).</summary>
    private static IEnumerable<string> Paths(ChangeSet changes)
    {
        if (changes.FestivalList) { yield return "/api/festivals"; yield return "/api/festivals/upcoming"; }
        if (changes.BandList) { yield return "/api/bands"; yield return "/api/bands/reviewed"; yield return "/api/bands/unreviewed"; }
        if (changes.GenreList) yield return "/api/genres";
        if (changes.RoleList) yield return "/api/roles";
        foreach (var f in changes.Festivals) yield return $"/api/festivals/{f}/*";
        foreach (var b in changes.Bands) yield return $"/api/bands/{b}/*";
        foreach (var g in changes.Genres) yield return $"/api/genres/{g}/*";
        foreach (var r in changes.Roles) yield return $"/api/roles/{r}/*";
    }
}
