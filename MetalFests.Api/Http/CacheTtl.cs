using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace MetalFests.Api.Http;

/// <summary>
/// The seed's cache TTL of each public endpoint ("API Endpoints", "Cache TTL by Endpoint"). Services
/// announce them as <c>Cache-Control</c>; the gateway's cache obeys that header.
/// </summary>
public static class CacheTtl
{
    public static readonly TimeSpan Festivals = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan UpcomingFestivals = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan Festival = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan Editions = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan Edition = TimeSpan.FromMinutes(60);
    public static readonly TimeSpan Bands = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan UnreviewedBands = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan Band = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan BandFestivals = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan Genres = TimeSpan.FromMinutes(60);
    public static readonly TimeSpan GenreBands = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan Roles = TimeSpan.FromMinutes(60);
    public static readonly TimeSpan RoleMembers = TimeSpan.FromMinutes(10);

    /// <summary>What every answer but a success says about caching.</summary>
    public const string NoStore = "no-store";

    /// <summary>Successful answers of this endpoint carry <c>Cache-Control: public, max-age=…</c>; errors carry <c>no-store</c>.</summary>
    public static TBuilder CacheFor<TBuilder>(this TBuilder endpoint, TimeSpan ttl) where TBuilder : IEndpointConventionBuilder
    {
        var value = $"public, max-age={(int)ttl.TotalSeconds}";
        return endpoint.AddEndpointFilter(async (context, next) =>
        {
            var response = context.HttpContext.Response;
            response.OnStarting(() =>
            {
                response.Headers[HeaderNames.CacheControl] = response.StatusCode is >= 200 and < 300 ? value : NoStore;
                return Task.CompletedTask;
            });
            return await next(context);
        });
    }
}
