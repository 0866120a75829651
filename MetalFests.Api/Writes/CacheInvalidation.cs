using MetalFests.Api.Invalidation;
using MetalFests.ServiceDefaults.Caching;
using MetalFests.ServiceDefaults.Security;
using MetalFests.Storage.Writes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MetalFests.Api.Writes;

/// <summary>
/// The seed's <c>cacheInvalidation</c> block of a write response: the provider's id and status and the paths
/// invalidated; status <c>failed</c> (and no id) when the provider refused or did not answer in time.
/// </summary>
public sealed record CacheInvalidation(string Status, string? InvalidationId, IReadOnlyList<string> Paths);

/// <summary>
/// After a successful write: invalidates what it changed through the configured <see cref="ICacheInvalidator"/>
/// (labels for the local edge, paths for CloudFront). A failing invalidation never fails the write.
/// </summary>
public static class WriteInvalidation
{
    public static async Task<CacheInvalidation> InvalidateAsync<T>(HttpContext http, Written<T> written)
    {
        var invalidator = http.RequestServices.GetRequiredService<ICacheInvalidator>();
        var logger = http.RequestServices.GetRequiredService<ILogger<ICacheInvalidator>>();
        var reason = $"{http.Request.Method} {http.Request.Path}";
        IReadOnlyList<string> paths = [];
        try
        {
            // Not the request's token: the write is done, and its invalidation must not depend on the client waiting.
            paths = await invalidator.PathsOfAsync(ChangedPages.Of(written), CancellationToken.None);
            var done = await invalidator.InvalidateAsync(new InvalidationOrder(paths, [.. Labels(written.Changes)], reason, http.CurrentKey().Id), CancellationToken.None);
            if (done.Value is { } status)
            {
                return new CacheInvalidation(status.Status, status.InvalidationId, status.Paths);
            }
            logger.LogError("Invalidation after {Reason} failed: {Code} {Message}; paths {Paths}", reason, done.Error!.Code, done.Error.Message, paths);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Invalidation after {Reason} failed; paths {Paths}", reason, paths);
        }
        return new CacheInvalidation(InvalidationStates.Failed, null, paths);
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
}
