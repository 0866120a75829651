using MetalFests.ServiceDefaults.Caching;
using MetalFests.Storage.Model;
using MetalFests.Api.Http;
using MetalFests.Api.OpenApi;
using MetalFests.ServiceDefaults.Errors;
using MetalFests.Storage;
using MetalFests.Storage.Stores;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MetalFests.FestivalsService.Festivals;

public static class FestivalsApi
{
    public static IEndpointRouteBuilder MapFestivalsApi(this IEndpointRouteBuilder app)
    {
        return app.MapVersions("/api/festivals", (api, version) =>
        {
            api.WithTags("Festivals").ProducesErrors().RedirectsOldKeys(TableLayout.Types.Festival);

            api.MapRead("", ListFestivals)
                .WithName(nameof(ListFestivals))
                .WithResponseExample(StatusCodes.Status200OK, WorkedExamples.FestivalList)
                .WithSummary("All festivals with their latest edition")
                .WithDescription("Filters: q (a word of the name, location or country starts with it, any case, accents ignored; name matches first, exact and prefix ones first of all), country, from/to (latest edition overlaps the dates), near=lat,lng and radiusKm (adds distanceKm, nearest first).")
                .CacheFor(CacheTtl.Festivals);

            api.MapRead("/upcoming", ListUpcomingFestivals)
                .WithName(nameof(ListUpcomingFestivals))
                .WithSummary("Festivals whose latest edition has not ended yet, earliest first")
                .CacheFor(CacheTtl.UpcomingFestivals);

            api.MapRead("/{key}", GetFestival)
                .WithName(nameof(GetFestival))
                .WithResponseExample(StatusCodes.Status200OK, WorkedExamples.FestivalDetail)
                .WithSummary("A festival with all its editions")
                .CacheFor(CacheTtl.Festival);
        });
    }

    /// <summary>A festival page shows its line-ups: a change to any band on them evicts it.</summary>
    public static void LabelLineups(HttpContext http, IEnumerable<Edition> editions) =>
        SurrogateKeys.Label(http, editions.SelectMany(e => e.Bands).Select(b => SurrogateKeys.Band(b.Key)).Distinct());

    public static async Task<Results<Ok<FestivalList>, JsonHttpResult<ErrorEnvelope>>> ListFestivals(
        HttpContext http, FestivalsStore store,
        string? q, string? country, string? from, string? to, string? near, string? radiusKm,
        CancellationToken cancellationToken)
    {
        SurrogateKeys.Label(http, SurrogateKeys.FestivalLists);
        var filters = FestivalFilters.Parse(q, country, from, to, near, radiusKm);
        if (filters.Error is { } error)
        {
            return error.ToResult(http);
        }
        var rows = filters.Value!.Apply(await store.ListAsync(cancellationToken));
        return TypedResults.Ok(new FestivalList(rows, rows.Count));
    }

    public static async Task<Results<Ok<FestivalPage>, JsonHttpResult<ErrorEnvelope>>> ListUpcomingFestivals(
        HttpContext http, FestivalsStore store, Today today, string? limit, string? offset, CancellationToken cancellationToken)
    {
        SurrogateKeys.Label(http, SurrogateKeys.FestivalLists);
        var paging = Paging.Parse(limit, offset, Paging.Festivals);
        if (paging.Error is { } error)
        {
            return error.ToResult(http);
        }
        var upcoming = (await store.UpcomingAsync(today.Date, cancellationToken))
            .OrderBy(r => r.LatestEdition!.Dates.Start).ThenBy(r => r.FestivalKey, StringComparer.Ordinal)
            .ToList();
        var page = paging.Value!.Apply(upcoming);
        return TypedResults.Ok(new FestivalPage(page, page.Count, upcoming.Count, paging.Value.Limit, paging.Value.Offset));
    }

    public static async Task<Results<Ok<FestivalDetailResponse>, JsonHttpResult<ErrorEnvelope>>> GetFestival(
        HttpContext http, FestivalsStore store, string key, CancellationToken cancellationToken)
    {
        var found = await LoadWithEditionsAsync(http, store, key, cancellationToken);
        if (found.Error is { } error)
        {
            return error.ToResult(http);
        }
        return TypedResults.Ok(new FestivalDetailResponse(found.Value.Festival, found.Value.Editions));
    }

    /// <summary>
    /// What the festival page and its editions list share: the key checked, the response labelled with
    /// the festival and its line-ups, the festival with its editions (newest first) read in one Query.
    /// </summary>
    public static async Task<Validated<(Festival Festival, IReadOnlyList<EditionDetail> Editions)>> LoadWithEditionsAsync(
        HttpContext http, FestivalsStore store, string key, CancellationToken cancellationToken)
    {
        if (Parameters.Key(key) is { } invalid)
        {
            return invalid;
        }
        SurrogateKeys.Label(http, SurrogateKeys.Festival(key));
        if (await store.GetWithEditionsAsync(key, cancellationToken) is not { } found)
        {
            return ApiError.NotFound("Festival", key);
        }
        LabelLineups(http, found.Editions);
        return (found.Festival, [.. found.Editions.OrderByDescending(e => e.Year).Select(EditionDetail.From)]);
    }
}
