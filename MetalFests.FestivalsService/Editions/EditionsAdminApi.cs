using MetalFests.Api.Http;
using MetalFests.Api.OpenApi;
using MetalFests.Api.Writes;
using MetalFests.ServiceDefaults.Errors;
using MetalFests.ServiceDefaults.Security;
using MetalFests.Storage.Model;
using MetalFests.Storage.Stores;
using MetalFests.Storage.Writes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MetalFests.FestivalsService.Editions;

/// <summary>
/// Editions: the seed's <c>PUT /api/festivals/{key}/editions/{year}</c> (example 3) and the admin paths
/// <c>PUT</c>/<c>PATCH</c>/<c>DELETE /api/admin/festivals/{key}/editions/{year}</c>; <c>PATCH</c> on the seed's path too.
/// </summary>
public static class EditionsAdminApi
{
    public static IEndpointRouteBuilder MapEditionsAdminApi(this IEndpointRouteBuilder app)
    {
        foreach (var prefix in new[] { "/api/festivals", "/api/admin/festivals" })
        {
            app.MapPut(prefix + "/{key}/editions/{year}", PutEdition).RequirePermission(Permission.Write)
                .WithTags("Admin: editions").ProducesWriteErrors()
                .WithName(prefix.Contains("admin", StringComparison.Ordinal) ? "PutEditionAdmin" : nameof(PutEdition))
                .WithSummary("Create (201) or replace (200) an edition; every band on the line-up must exist (422 otherwise)")
                .DocumentsBody<EditionInput, RouteHandlerBuilder>().WithRequestExample(WorkedExamples.EditionPut)
                .WithResponseExample(StatusCodes.Status201Created, WorkedExamples.EditionCreated)
                .AlsoAnswers(StatusCodes.Status422UnprocessableEntity)
                .WithDescription(PatchDocs.PutReplaces);
            app.MapPatch(prefix + "/{key}/editions/{year}", PatchEdition).RequirePermission(Permission.Write)
                .WithTags("Admin: editions").ProducesWriteErrors()
                .WithName(prefix.Contains("admin", StringComparison.Ordinal) ? "PatchEditionAdmin" : nameof(PatchEdition))
                .WithSummary("Change some of an edition's fields (JSON Merge Patch; If-Match: its ETag, optional); 404 if it does not exist")
                .DocumentsMergePatch<EditionInput, RouteHandlerBuilder>().WithRequestExample(WorkedExamples.EditionPatch)
                .AlsoAnswers(StatusCodes.Status422UnprocessableEntity)
                .WithDescription(PatchDocs.PatchMerges);
        }
        app.MapDelete("/api/admin/festivals/{key}/editions/{year}", DeleteEdition).RequirePermission(Permission.Delete)
            .WithTags("Admin: editions").ProducesWriteErrors()
            .WithName(nameof(DeleteEdition))
            .WithSummary("Delete an edition (204)");
        return app;
    }

    public static async Task<Results<Created<EditionWriteResponse>, Ok<EditionWriteResponse>, JsonHttpResult<ErrorEnvelope>>> PutEdition(
        HttpContext http, FestivalWrites writes, string key, string year, CancellationToken cancellationToken)
    {
        if (Parameters.Key(key) is { } badKey) return badKey.ToResult(http);
        var parsedYear = Parameters.Year(year);
        if (parsedYear.Error is { } badYear) return badYear.ToResult(http);
        var done = await WriteEndpoint.RunAsync(http, root => EditionRequest.Parse(root, parsedYear.Value),
            (input, context, ct) => writes.PutEditionAsync(Draft(key, parsedYear.Value, input), context, ct), cancellationToken);
        if (done.Error is { } error) return error.ToResult(http);
        var (written, invalidation) = done.Value;
        var response = new EditionWriteResponse(true, EditionView.From(written), new BandValidation(true, []), invalidation);
        return written.Created
            ? TypedResults.Created($"/api/festivals/{key}/editions/{parsedYear.Value}", response)
            : TypedResults.Ok(response);
    }

    public static async Task<Results<Ok<EditionWriteResponse>, JsonHttpResult<ErrorEnvelope>>> PatchEdition(
        HttpContext http, FestivalWrites writes, FestivalsStore store, string key, string year, CancellationToken cancellationToken)
    {
        if (Parameters.Key(key) is { } badKey) return badKey.ToResult(http);
        var parsedYear = Parameters.Year(year);
        if (parsedYear.Error is { } badYear) return badYear.ToResult(http);
        var done = await WriteEndpoint.PatchAsync(http,
            async ct => (await store.GetStampedAsync(key, ct))?.Editions.FirstOrDefault(e => e.Value.Year == parsedYear.Value) is { } found
                ? (PatchTargets.Of(found.Value), found.Stamp.Version)
                : null,
            () => ApiError.NotFound(FestivalWrites.EditionResource, FestivalWrites.EditionKey(key, parsedYear.Value)),
            root => EditionRequest.Parse(root, parsedYear.Value),
            (input, context, ct) => writes.PutEditionAsync(Draft(key, parsedYear.Value, input), context, ct), cancellationToken);
        if (done.Error is { } error) return error.ToResult(http);
        var (written, invalidation) = done.Value;
        return TypedResults.Ok(new EditionWriteResponse(true, EditionView.From(written), new BandValidation(true, []), invalidation));
    }

    /// <summary>What a PUT or PATCH body writes: the festival and year from the path, the names from the table.</summary>
    private static Edition Draft(string key, int year, EditionInput input) =>
        new(key, "", year, input.Dates, input.Bands, input.TicketPrice, input.Currency, input.Status);

    public static async Task<Results<NoContent, JsonHttpResult<ErrorEnvelope>>> DeleteEdition(
        HttpContext http, FestivalWrites writes, string key, string year, CancellationToken cancellationToken)
    {
        if (Parameters.Key(key) is { } badKey) return badKey.ToResult(http);
        var parsedYear = Parameters.Year(year);
        if (parsedYear.Error is { } badYear) return badYear.ToResult(http);
        var context = WriteRequests.Context(http);
        if (context.Error is { } badHeader) return badHeader.ToResult(http);
        var result = await writes.DeleteEditionAsync(key, parsedYear.Value, context.Value!, cancellationToken);
        if (result.Error is { } refused) return refused.ToApiError().ToResult(http);
        await WriteInvalidation.InvalidateAsync(http, result.Value!);
        return TypedResults.NoContent();
    }
}
