using MetalFests.ServiceDefaults.Caching;
using MetalFests.Api.Http;
using MetalFests.Api.OpenApi;
using MetalFests.Api.Writes;
using MetalFests.ServiceDefaults.Errors;
using MetalFests.Storage.Stores;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MetalFests.CatalogService.Genres;

public static class GenresApi
{
    public static IEndpointRouteBuilder MapGenresApi(this IEndpointRouteBuilder app)
    {
        return app.MapVersions("/api/genres", (api, version) =>
        {
            api.WithTags("Genres").ProducesErrors();
            api.MapRead("", ListGenres).WithName(nameof(ListGenres)).WithResponseExample(StatusCodes.Status200OK, WorkedExamples.GenreList).WithSummary("All genres").CacheFor(CacheTtl.Genres);
            api.MapRead("/{key}", GetGenre).WithName(nameof(GetGenre)).WithResponseExample(StatusCodes.Status200OK, WorkedExamples.Genre).WithSummary("A genre").CacheFor(CacheTtl.Genres);
            api.MapRead("/{key}/bands", GetGenreBands).WithName(nameof(GetGenreBands)).WithSummary("Bands in this genre, paginated").CacheFor(CacheTtl.GenreBands);
        });
    }

    public static async Task<Ok<GenreList>> ListGenres(HttpContext http, CatalogStore store, CancellationToken cancellationToken)
    {
        SurrogateKeys.Label(http, SurrogateKeys.GenreLists);
        var genres = (await store.ListGenresAsync(cancellationToken)).Select(GenreSummary.From).ToList();
        return TypedResults.Ok(new GenreList(genres, genres.Count));
    }

    public static async Task<Results<Ok<GenreResponse>, JsonHttpResult<ErrorEnvelope>>> GetGenre(
        HttpContext http, CatalogStore store, string key, CancellationToken cancellationToken)
    {
        if (Parameters.Key(key) is { } invalid) return invalid.ToResult(http);
        SurrogateKeys.Label(http, SurrogateKeys.Genre(key));
        if (await store.GetGenreAsync(key, cancellationToken) is not { } genre)
        {
            return ApiError.NotFound("Genre", key).ToResult(http);
        }
        http.Response.Headers.ETag = ETags.Of(genre.Version);
        return TypedResults.Ok(new GenreResponse(genre.Value));
    }

    public static async Task<Results<Ok<GenreBandsPage>, JsonHttpResult<ErrorEnvelope>>> GetGenreBands(
        HttpContext http, CatalogStore store, string key, string? limit, string? offset, CancellationToken cancellationToken)
    {
        if (Parameters.Key(key) is { } invalid) return invalid.ToResult(http);
        var paging = Paging.Parse(limit, offset, Paging.Bands);
        if (paging.Error is { } error) return error.ToResult(http);
        SurrogateKeys.Label(http, SurrogateKeys.Genre(key));
        if (await store.GetGenreBandsAsync(key, cancellationToken) is not { } found)
        {
            return ApiError.NotFound("Genre", key).ToResult(http);
        }
        var page = paging.Value!.Apply(found.Bands);
        // An entry prints the band's name, country and review status: a band's update evicts the pages listing it.
        SurrogateKeys.Label(http, page.Select(b => SurrogateKeys.Band(b.BandKey)));
        return TypedResults.Ok(new GenreBandsPage(found.Genre.Key, found.Genre.Name, [.. page.Select(GenreBandEntry.From)],
            page.Count, found.Bands.Count, paging.Value.Limit, paging.Value.Offset));
    }
}
