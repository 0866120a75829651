using MetalFests.ServiceDefaults.Caching;
using MetalFests.Api.Http;
using MetalFests.Api.OpenApi;
using MetalFests.Api.Versioning;
using MetalFests.Api.Writes;
using MetalFests.ServiceDefaults.Errors;
using MetalFests.Storage;
using MetalFests.Storage.Stores;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MetalFests.CatalogService.Bands;

public static class BandsApi
{
    public static IEndpointRouteBuilder MapBandsApi(this IEndpointRouteBuilder app)
    {
        return app.MapVersions("/api/bands", (api, version) =>
        {
            api.WithTags("Bands").ProducesErrors().RedirectsOldKeys(TableLayout.Types.Band);

            if (version == ApiVersions.V1)
            {
                MapOffsetLists(api);
            }
            else
            {
                MapCursorLists(api);
            }

            api.MapRead("/{key}", GetBand)
                .WithName(nameof(GetBand))
                .WithResponseExample(StatusCodes.Status200OK, WorkedExamples.BandDetail)
                .WithSummary("A band with its genres and roles")
                .CacheFor(CacheTtl.Band);

            api.MapRead("/{key}/festivals", GetBandFestivals)
                .WithName(nameof(GetBandFestivals))
                .WithSummary("Festival editions featuring this band")
                .CacheFor(CacheTtl.BandFestivals);
        });
    }

    /// <summary>Version 1: pages by <c>limit</c>/<c>offset</c>, bands in key order, with the total.</summary>
    private static void MapOffsetLists(RouteGroupBuilder api)
    {
        api.MapRead("", ListBands)
            .WithName(nameof(ListBands))
            .WithResponseExample(StatusCodes.Status200OK, WorkedExamples.BandPage)
            .WithSummary("All bands' metadata, paginated")
            .WithDescription("Filters: reviewed (true/false), q (a word of the name starts with it, any case, accents ignored; exact and prefix matches first), country, genre (a genre key).")
            .CacheFor(CacheTtl.Bands);

        api.MapRead("/reviewed", (HttpContext http, CatalogStore store, string? limit, string? offset, string? q, string? country, string? genre, CancellationToken ct) =>
                ListBands(http, store, "true", limit, offset, q, country, genre, ct))
            .WithName("ListReviewedBands")
            .WithSummary("Only reviewed bands")
            .CacheFor(CacheTtl.Bands);

        api.MapRead("/unreviewed", (HttpContext http, CatalogStore store, string? limit, string? offset, string? q, string? country, string? genre, CancellationToken ct) =>
                ListBands(http, store, "false", limit, offset, q, country, genre, ct))
            .WithName("ListUnreviewedBands")
            .WithSummary("Bands needing review")
            .CacheFor(CacheTtl.UnreviewedBands);
    }

    private const string CursorDescription =
        "Version 2 pages by an opaque cursor instead of offsets: pass a page's `next` back as `cursor` for the page after it " +
        "(`next` is null on the last page). Bands come in key order and the walk continues after the last key seen, so bands " +
        "written meanwhile never make it skip or repeat one. Filters as in version 1: reviewed (true/false), q (a word of the name starts with it; in key order here), " +
        "country, genre (a genre key); `limit` 100 (max 500). A cursor not issued by the API is a 400 naming `cursor`.";

    /// <summary>Version 2: pages by an opaque cursor (<see cref="Cursor"/>).</summary>
    private static void MapCursorLists(RouteGroupBuilder api)
    {
        api.MapRead("", ListBandsByCursor)
            .WithName(nameof(ListBands))
            .WithResponseExample(StatusCodes.Status200OK, WorkedExamples.BandCursorPage)
            .WithSummary("All bands' metadata, page by page with a cursor")
            .WithDescription(CursorDescription)
            .CacheFor(CacheTtl.Bands);

        api.MapRead("/reviewed", (HttpContext http, CatalogStore store, string? limit, string? cursor, string? q, string? country, string? genre, CancellationToken ct) =>
                ListBandsByCursor(http, store, "true", limit, cursor, q, country, genre, ct))
            .WithName("ListReviewedBands")
            .WithSummary("Only reviewed bands, page by page with a cursor")
            .WithDescription(CursorDescription)
            .CacheFor(CacheTtl.Bands);

        api.MapRead("/unreviewed", (HttpContext http, CatalogStore store, string? limit, string? cursor, string? q, string? country, string? genre, CancellationToken ct) =>
                ListBandsByCursor(http, store, "false", limit, cursor, q, country, genre, ct))
            .WithName("ListUnreviewedBands")
            .WithSummary("Bands needing review, page by page with a cursor")
            .WithDescription(CursorDescription)
            .CacheFor(CacheTtl.UnreviewedBands);
    }

    public static async Task<Results<Ok<BandCursorPage>, JsonHttpResult<ErrorEnvelope>>> ListBandsByCursor(
        HttpContext http, CatalogStore store,
        string? reviewed, string? limit, string? cursor, string? q, string? country, string? genre,
        CancellationToken cancellationToken)
    {
        SurrogateKeys.Label(http, SurrogateKeys.BandLists);
        var status = Parameters.Bool(reviewed, "reviewed");
        if (status.Error is { } e1) return e1.ToResult(http);
        var paging = Paging.Parse(limit, null, Paging.Bands);
        if (paging.Error is { } e2) return e2.ToResult(http);
        var after = Cursor.Parse(cursor);
        if (after.Error is { } e3) return e3.ToResult(http);
        var filters = BandFilters.Parse(q, country, genre);
        if (filters.Error is { } e4) return e4.ToResult(http);

        var rows = filters.Value!.Apply(await store.ListBandsAsync(status.Value, cancellationToken), ranked: false);
        var (page, next) = Cursor.Page(rows, r => r.Key, after.Value, paging.Value!.Limit);
        return TypedResults.Ok(new BandCursorPage(page, page.Count, paging.Value.Limit, next));
    }

    public static async Task<Results<Ok<BandPage>, JsonHttpResult<ErrorEnvelope>>> ListBands(
        HttpContext http, CatalogStore store,
        string? reviewed, string? limit, string? offset, string? q, string? country, string? genre,
        CancellationToken cancellationToken)
    {
        SurrogateKeys.Label(http, SurrogateKeys.BandLists);
        var status = Parameters.Bool(reviewed, "reviewed");
        if (status.Error is { } e1) return e1.ToResult(http);
        var paging = Paging.Parse(limit, offset, Paging.Bands);
        if (paging.Error is { } e2) return e2.ToResult(http);
        var filters = BandFilters.Parse(q, country, genre);
        if (filters.Error is { } e3) return e3.ToResult(http);

        var rows = filters.Value!.Apply(await store.ListBandsAsync(status.Value, cancellationToken), ranked: true);
        var page = paging.Value!.Apply(rows);
        return TypedResults.Ok(new BandPage(page, page.Count, rows.Count, paging.Value.Limit, paging.Value.Offset));
    }

    public static async Task<Results<Ok<BandDetailResponse>, JsonHttpResult<ErrorEnvelope>>> GetBand(
        HttpContext http, CatalogStore store, string key, CancellationToken cancellationToken)
    {
        if (Parameters.Key(key) is { } invalid) return invalid.ToResult(http);
        SurrogateKeys.Label(http, SurrogateKeys.Band(key));
        if (await store.GetBandAsync(key, cancellationToken) is not { Value: var found, Version: var version })
        {
            return ApiError.NotFound("Band", key).ToResult(http);
        }
        http.Response.Headers.ETag = ETags.Of(version);
        SurrogateKeys.Label(http, [.. found.Genres.Select(g => SurrogateKeys.Genre(g.Key)), .. found.Roles.Select(r => SurrogateKeys.Role(r.Key))]);
        return TypedResults.Ok(new BandDetailResponse(found.Band, found.Genres, found.Roles));
    }

    public static async Task<Results<Ok<BandFestivalsResponse>, JsonHttpResult<ErrorEnvelope>>> GetBandFestivals(
        HttpContext http, CatalogStore store, string key, CancellationToken cancellationToken)
    {
        if (Parameters.Key(key) is { } invalid) return invalid.ToResult(http);
        SurrogateKeys.Label(http, SurrogateKeys.Band(key));
        if (await store.GetBandFestivalsAsync(key, cancellationToken) is not { } found)
        {
            return ApiError.NotFound("Band", key).ToResult(http);
        }
        SurrogateKeys.Label(http, found.Appearances.Select(a => SurrogateKeys.Festival(a.FestivalKey)).Distinct());
        var festivals = found.Appearances.OrderBy(a => a.Dates.Start).ThenBy(a => a.FestivalKey, StringComparer.Ordinal).Select(BandAppearance.From).ToList();
        return TypedResults.Ok(new BandFestivalsResponse(found.Band.Key, found.Band.Name, festivals, festivals.Count));
    }
}
