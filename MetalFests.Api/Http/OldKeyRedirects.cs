using MetalFests.ServiceDefaults.Caching;
using MetalFests.Storage;
using MetalFests.Storage.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MetalFests.Api.Http;

/// <summary>
/// Old links keep working: a public read whose <c>{key}</c> is an old key an older db.json used
/// (<c>/api/bands/h%C3%A4llas</c>) and the migration kept as an alias answers <c>301 Moved Permanently</c>
/// to the same URL with the key the entity has now (<c>/api/bands/hllas</c>). Only a key that breaks the
/// key rule is looked up (an old key is never a valid key), so valid keys cost nothing; a key that is
/// neither valid nor an alias is the usual 400 naming <c>key</c>. The redirect carries
/// <c>Cache-Control: no-store</c> like every non-2xx answer (<see cref="CacheTtl.CacheFor"/>), so the edge cache (200s and 404s only)
/// never holds it, and a deleted entity's old links lead to its 404 at once.
/// </summary>
public static class OldKeyRedirects
{
    public const string KeyRouteValue = "key";

    /// <summary>Redirects the old keys of <paramref name="entity"/> (<see cref="TableLayout.Types.Band"/> or <see cref="TableLayout.Types.Festival"/>) on these reads.</summary>
    public static TBuilder RedirectsOldKeys<TBuilder>(this TBuilder endpoints, string entity) where TBuilder : IEndpointConventionBuilder =>
        endpoints.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.Request.RouteValues[KeyRouteValue] is string key && !EntityKeys.IsValid(key)
                && await http.RequestServices.GetRequiredService<AliasStore>().ResolveAsync(entity, key, http.RequestAborted) is { } target
                && Location(http.Request, key, target) is { } location)
            {
                SurrogateKeys.Label(http, entity == TableLayout.Types.Festival ? SurrogateKeys.Festival(target) : SurrogateKeys.Band(target));
                // Said here: this filter answers before the endpoint's own (CacheFor), which would say the same of a non-2xx.
                http.Response.Headers.CacheControl = CacheTtl.NoStore;
                return Results.Redirect(location, permanent: true);
            }
            return await next(context);
        });

    /// <summary>The request's own path and query, the old key's path segment replaced by the new key (null if no segment is the key alone).</summary>
    private static string? Location(HttpRequest request, string oldKey, string key)
    {
        var segments = (request.PathBase + request.Path).Value!.Split('/');
        var at = Array.IndexOf(segments, oldKey);
        if (at < 0)
        {
            return null;
        }
        segments[at] = Uri.EscapeDataString(key);
        return string.Join('/', segments) + request.QueryString;
    }
}
