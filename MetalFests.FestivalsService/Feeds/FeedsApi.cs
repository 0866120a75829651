using MetalFests.Api.Http;
using MetalFests.FestivalsService.Festivals;
using MetalFests.ServiceDefaults;
using MetalFests.ServiceDefaults.Caching;
using MetalFests.ServiceDefaults.Errors;
using MetalFests.Storage.Stores;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace MetalFests.FestivalsService.Feeds;

/// <summary>
/// The festivals as feeds for other programs: a calendar (iCalendar) of every festival, of a chosen
/// set or of one, and a map layer (GeoJSON). Cached and evicted like the JSON they are made from.
/// </summary>
public static class FeedsApi
{
    private const string CalendarContentType = MediaTypes.Calendar + "; charset=utf-8";

    public static IEndpointRouteBuilder MapFeedsApi(this IEndpointRouteBuilder app)
    {
        return app.MapVersions("/api", (api, version) =>
        {
            api.WithTags("Feeds").ProducesErrors();

            api.MapRead("/festivals.geojson", GetFestivalsGeoJson)
                .WithName(nameof(GetFestivalsGeoJson))
                .WithSummary("Every festival as a GeoJSON Point (RFC 7946), for maps")
                .WithDescription("A FeatureCollection: one Feature per festival that has coordinates (festivals without coordinates are left out), "
                    + "its geometry a Point [lng, lat], its id the festival key, its properties the festival's row of GET /api/festivals.")
                .Produces<FestivalFeatureCollection>(StatusCodes.Status200OK, MediaTypes.GeoJson)
                .CacheFor(CacheTtl.Festivals);

            api.MapRead("/festivals.ics", GetFestivalsCalendar)
                .WithName(nameof(GetFestivalsCalendar))
                .WithSummary("Every festival, or a chosen set, as an iCalendar feed (RFC 5545)")
                .WithDescription("One all-day VEVENT per edition (UID {festivalKey}-{year}@metalfests; LOCATION, GEO, URL = website; "
                    + "DESCRIPTION = the line-up and ticket price). festivals=a,b (1 to 100 keys) limits the feed to those festivals, e.g. a user's "
                    + "favourites: a well-formed key that names no festival is skipped, so a subscribed feed keeps working when a festival is removed; "
                    + "a malformed key is a 400.")
                .Produces<string>(StatusCodes.Status200OK, MediaTypes.Calendar)
                .CacheFor(CacheTtl.Festivals);

            api.MapRead("/festivals/{key}.ics", GetFestivalCalendar)
                .WithName(nameof(GetFestivalCalendar))
                .WithSummary("One festival's editions as an iCalendar feed (RFC 5545)")
                .Produces<string>(StatusCodes.Status200OK, MediaTypes.Calendar)
                .CacheFor(CacheTtl.Festival);
        });
    }

    public static async Task<JsonHttpResult<FestivalFeatureCollection>> GetFestivalsGeoJson(HttpContext http, FestivalsStore store, CancellationToken cancellationToken)
    {
        SurrogateKeys.Label(http, SurrogateKeys.FestivalLists);
        var rows = await store.ListAsync(cancellationToken);
        return TypedResults.Json(FestivalFeatureCollection.From(rows), contentType: MediaTypes.GeoJson);
    }

    public static async Task<Results<ContentHttpResult, JsonHttpResult<ErrorEnvelope>>> GetFestivalsCalendar(
        HttpContext http, FestivalsStore store, TimeProvider time, string? festivals, CancellationToken cancellationToken)
    {
        // Every festival's row and every edition: a write to any festival or edition changes the festival
        // lists, and a band's rename (its name is on line-ups) changes the band lists, so these two labels
        // evict the feed whenever its text changes, without naming each of its ~1,700 bands.
        SurrogateKeys.Label(http, SurrogateKeys.FestivalLists, SurrogateKeys.BandLists);
        var selected = Parameters.KeyList(festivals, "festivals");
        if (selected.Error is { } error)
        {
            return error.ToResult(http);
        }
        var rows = store.ListAsync(cancellationToken);
        var editions = (await store.AllEditionsAsync(cancellationToken)).ToLookup(e => e.FestivalKey, StringComparer.Ordinal);
        var wanted = selected.Value?.ToHashSet(StringComparer.Ordinal);
        var shown = (await rows)
            .Where(row => wanted is null || wanted.Contains(row.FestivalKey))
            .Select(row => new CalendarFestival(row.FestivalKey, row.FestivalName, row.Location, row.Coordinates, row.Website,
                [.. editions[row.FestivalKey].Select(EditionDetail.From)]));
        return Calendar(http, wanted is null ? "MetalFests: every festival" : "MetalFests: chosen festivals", "metalfests", shown, time, CacheTtl.Festivals);
    }

    public static async Task<Results<ContentHttpResult, JsonHttpResult<ErrorEnvelope>>> GetFestivalCalendar(
        HttpContext http, FestivalsStore store, TimeProvider time, string key, CancellationToken cancellationToken)
    {
        // Labelled as GET /api/festivals/{key}: the festival and every band on its line-ups.
        var found = await FestivalsApi.LoadWithEditionsAsync(http, store, key, cancellationToken);
        if (found.Error is { } error)
        {
            return error.ToResult(http);
        }
        var (festival, editions) = found.Value;
        return Calendar(http, $"{festival.Name} (MetalFests)", festival.Key,
            [new CalendarFestival(festival.Key, festival.Name, festival.Location, festival.Coordinates, festival.Website, editions)], time, CacheTtl.Festival);
    }

    private static ContentHttpResult Calendar(HttpContext http, string name, string fileName, IEnumerable<CalendarFestival> festivals, TimeProvider time, TimeSpan ttl)
    {
        // Inline: a browser or calendar app opens it; the name is what a download is saved as.
        http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileName = fileName + ".ics" }.ToString();
        return TypedResults.Text(FestivalCalendar.Write(name, festivals, time.GetUtcNow(), ttl), CalendarContentType);
    }
}
