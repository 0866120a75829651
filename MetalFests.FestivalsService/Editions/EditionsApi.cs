using MetalFests.ServiceDefaults.Caching;
using MetalFests.Api.Http;
using MetalFests.FestivalsService.Festivals;
using MetalFests.ServiceDefaults.Errors;
using MetalFests.Storage;
using MetalFests.Storage.Stores;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MetalFests.FestivalsService.Editions;

public static class EditionsApi
{
    public static IEndpointRouteBuilder MapEditionsApi(this IEndpointRouteBuilder app)
    {
        return app.MapVersions("/api/festivals/{key}/editions", (api, version) =>
        {
            api.WithTags("Editions").ProducesErrors().RedirectsOldKeys(TableLayout.Types.Festival);

            api.MapRead("", ListEditions)
                .WithName(nameof(ListEditions))
                .WithSummary("All editions of a festival, newest first")
                .CacheFor(CacheTtl.Editions);

            api.MapRead("/{year}", GetEdition)
                .WithName(nameof(GetEdition))
                .WithSummary("One edition of a festival")
                .CacheFor(CacheTtl.Edition);
        });
    }

    public static async Task<Results<Ok<EditionList>, JsonHttpResult<ErrorEnvelope>>> ListEditions(
        HttpContext http, FestivalsStore store, string key, CancellationToken cancellationToken)
    {
        var found = await FestivalsApi.LoadWithEditionsAsync(http, store, key, cancellationToken);
        if (found.Error is { } error)
        {
            return error.ToResult(http);
        }
        var (festival, editions) = found.Value;
        return TypedResults.Ok(new EditionList(festival.Key, festival.Name, editions, editions.Count));
    }

    public static async Task<Results<Ok<EditionResponse>, JsonHttpResult<ErrorEnvelope>>> GetEdition(
        HttpContext http, FestivalsStore store, string key, string year, CancellationToken cancellationToken)
    {
        if (Parameters.Key(key) is { } invalid)
        {
            return invalid.ToResult(http);
        }
        var parsedYear = Parameters.Year(year);
        if (parsedYear.Error is { } badYear)
        {
            return badYear.ToResult(http);
        }
        SurrogateKeys.Label(http, SurrogateKeys.Festival(key));
        var (festival, edition) = await store.GetEditionAsync(key, parsedYear.Value, cancellationToken);
        if (festival is null)
        {
            return ApiError.NotFound("Festival", key).ToResult(http);
        }
        if (edition is null)
        {
            return ApiError.NotFound("Edition", $"{key}/{parsedYear.Value}").ToResult(http);
        }
        FestivalsApi.LabelLineups(http, [edition]);
        return TypedResults.Ok(new EditionResponse(edition));
    }
}
