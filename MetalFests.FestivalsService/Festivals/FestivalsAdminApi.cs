using MetalFests.Api.Http;
using MetalFests.Api.OpenApi;
using MetalFests.Storage.Model;
using MetalFests.Api.Writes;
using MetalFests.ServiceDefaults.Errors;
using MetalFests.ServiceDefaults.Security;
using MetalFests.Storage.Stores;
using MetalFests.Storage.Writes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MetalFests.FestivalsService.Festivals;

/// <summary>Festivals' general information: <c>POST /api/admin/festivals</c>, <c>PUT</c> and <c>PATCH /api/admin/festivals/{key}</c>.</summary>
public static class FestivalsAdminApi
{
    public static IEndpointRouteBuilder MapFestivalsAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/festivals").WithTags("Admin: festivals").ProducesWriteErrors();

        api.MapGet("/{key}", GetFestivalForEditing).RequirePermission(Permission.Read)
            .WithName(nameof(GetFestivalForEditing))
            .WithSummary("A festival and its editions (newest first) with their versions, for If-Match on the writes that follow; never cached")
            .WithDescription("The festival's version is also the ETag. Public festival and edition pages cannot carry it: they show other entities (band names) too.");

        api.MapPost("", CreateFestival).RequirePermission(Permission.Write)
            .WithName(nameof(CreateFestival))
            .DocumentsBody<Festival, RouteHandlerBuilder>().WithRequestExample(WorkedExamples.FestivalPost)
            .AlsoAnswers(StatusCodes.Status409Conflict)
            .WithSummary("Create a festival (409 if the key exists)");

        api.MapPut("/{key}", UpdateFestival).RequirePermission(Permission.Write)
            .WithName(nameof(UpdateFestival))
            .DocumentsBody<Festival, RouteHandlerBuilder>().WithRequestExample(WorkedExamples.FestivalPost)
            .WithSummary("Replace a festival's general information (If-Match: its ETag, optional)")
            .WithDescription(PatchDocs.PutReplaces);

        api.MapPatch("/{key}", PatchFestival).RequirePermission(Permission.Write)
            .WithName(nameof(PatchFestival))
            .DocumentsMergePatch<Festival, RouteHandlerBuilder>().WithRequestExample(WorkedExamples.FestivalPatch)
            .WithSummary("Change some of a festival's general information (JSON Merge Patch; If-Match: its ETag, optional)")
            .WithDescription(PatchDocs.PatchMerges);

        return app;
    }

    public static async Task<Results<Ok<FestivalForEditing>, JsonHttpResult<ErrorEnvelope>>> GetFestivalForEditing(
        HttpContext http, FestivalsStore store, string key, CancellationToken cancellationToken)
    {
        if (Parameters.Key(key) is { } badKey) return badKey.ToResult(http);
        if (await store.GetStampedAsync(key, cancellationToken) is not { } found)
        {
            return ApiError.NotFound("Festival", key).ToResult(http);
        }
        http.Response.Headers.ETag = ETags.Of(found.Festival.Stamp.Version);
        return TypedResults.Ok(new FestivalForEditing(
            FestivalView.From(found.Festival.Value, found.Festival.Stamp),
            [.. found.Editions.OrderByDescending(e => e.Value.Year).Select(e => EditionView.From(e.Value, e.Stamp))]));
    }

    public static async Task<Results<Created<FestivalWriteResponse>, JsonHttpResult<ErrorEnvelope>>> CreateFestival(
        HttpContext http, FestivalWrites writes, CancellationToken cancellationToken)
    {
        var done = await WriteEndpoint.RunAsync(http, root => FestivalRequest.Parse(root, null), writes.CreateAsync, cancellationToken);
        if (done.Error is { } error) return error.ToResult(http);
        var (written, invalidation) = done.Value;
        return TypedResults.Created($"/api/festivals/{written.Entity.Key}", new FestivalWriteResponse(true, FestivalView.From(written), invalidation));
    }

    public static async Task<Results<Ok<FestivalWriteResponse>, JsonHttpResult<ErrorEnvelope>>> UpdateFestival(
        HttpContext http, FestivalWrites writes, string key, CancellationToken cancellationToken)
    {
        if (Parameters.Key(key) is { } badKey) return badKey.ToResult(http);
        var done = await WriteEndpoint.RunAsync(http, root => FestivalRequest.Parse(root, key), writes.UpdateAsync, cancellationToken);
        if (done.Error is { } error) return error.ToResult(http);
        var (written, invalidation) = done.Value;
        return TypedResults.Ok(new FestivalWriteResponse(true, FestivalView.From(written), invalidation));
    }

    public static async Task<Results<Ok<FestivalWriteResponse>, JsonHttpResult<ErrorEnvelope>>> PatchFestival(
        HttpContext http, FestivalWrites writes, FestivalsStore store, string key, CancellationToken cancellationToken)
    {
        if (Parameters.Key(key) is { } badKey) return badKey.ToResult(http);
        var done = await WriteEndpoint.PatchAsync(http,
            async ct => await store.GetStampedAsync(key, ct) is { } found ? (PatchTargets.Of(found.Festival.Value), found.Festival.Stamp.Version) : null,
            () => ApiError.NotFound("Festival", key), root => FestivalRequest.Parse(root, key), writes.UpdateAsync, cancellationToken);
        if (done.Error is { } error) return error.ToResult(http);
        var (written, invalidation) = done.Value;
        return TypedResults.Ok(new FestivalWriteResponse(true, FestivalView.From(written), invalidation));
    }
}
