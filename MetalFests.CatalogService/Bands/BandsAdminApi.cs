using MetalFests.Api.Http;
using MetalFests.Api.OpenApi;
using MetalFests.Api.Writes;
using MetalFests.ServiceDefaults.Errors;
using MetalFests.ServiceDefaults.Security;
using MetalFests.Storage;
using MetalFests.Storage.Model;
using MetalFests.Storage.Stores;
using MetalFests.Storage.Writes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MetalFests.CatalogService.Bands;

/// <summary>
/// Bands: <c>POST /api/admin/bands</c>, the seed's <c>PUT /api/bands/{key}</c> (example 4) and
/// <c>PUT /api/admin/bands/{key}</c>, <c>DELETE /api/admin/bands/{key}</c>, and reference validation.
/// </summary>
public static class BandsAdminApi
{
    public static IEndpointRouteBuilder MapBandsAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin/bands").WithTags("Admin: bands").ProducesWriteErrors();

        admin.MapPost("", CreateBand).RequirePermission(Permission.Write)
            .DocumentsBody<Band, RouteHandlerBuilder>().WithRequestExample(WorkedExamples.BandPut)
            .AlsoAnswers(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)
            .WithName(nameof(CreateBand))
            .WithSummary("Create a band; its genre and role keys must exist (422 otherwise)");

        foreach (var (group, name) in new[] { (admin, "UpdateBandAdmin"), (app.MapGroup("/api/bands").WithTags("Admin: bands").ProducesWriteErrors(), nameof(UpdateBand)) })
        {
            group.MapPut("/{key}", UpdateBand).RequirePermission(Permission.Write)
                .DocumentsBody<Band, RouteHandlerBuilder>().WithRequestExample(WorkedExamples.BandPut)
                .WithResponseExample(StatusCodes.Status200OK, WorkedExamples.BandReplaced)
                .AlsoAnswers(StatusCodes.Status422UnprocessableEntity)
                .WithName(name)
                .WithSummary("Replace a band (If-Match: its ETag, optional); a rename follows into every line-up")
                .WithDescription(PatchDocs.PutReplaces);
            group.MapPatch("/{key}", PatchBand).RequirePermission(Permission.Write)
                .DocumentsMergePatch<Band, RouteHandlerBuilder>().WithRequestExample(WorkedExamples.BandPatch)
                .AlsoAnswers(StatusCodes.Status422UnprocessableEntity)
                .WithName(name.Replace("Update", "Patch"))
                .WithSummary("Change some of a band's fields (JSON Merge Patch; If-Match: its ETag, optional)")
                .WithDescription(PatchDocs.PatchMerges);
        }

        admin.MapDelete("/{key}", DeleteBand).RequirePermission(Permission.Delete)
            .WithName(nameof(DeleteBand))
            .AlsoAnswers(StatusCodes.Status409Conflict)
            .WithSummary("Delete a band that no line-up names (409 otherwise)");

        admin.MapPost("/validate", ValidateBands).RequirePermission(Permission.Read)
            .WithName(nameof(ValidateBands))
            .DocumentsBody<BandRefsBody, RouteHandlerBuilder>().WithRequestExample(WorkedExamples.BandRefs)
            .WithSummary("Check band references before writing a line-up");

        return app;
    }

    public static async Task<Results<Created<BandWriteResponse>, JsonHttpResult<ErrorEnvelope>>> CreateBand(
        HttpContext http, BandWrites writes, CancellationToken cancellationToken)
    {
        var done = await WriteEndpoint.RunAsync(http, root => BandRequest.Parse(root, null), writes.CreateAsync, cancellationToken);
        if (done.Error is { } error) return error.ToResult(http);
        var (written, invalidation) = done.Value;
        return TypedResults.Created($"/api/bands/{written.Entity.Key}",
            new BandWriteResponse(true, BandView.From(written), ReferenceValidation.Valid, written.AffectedFestivals, invalidation));
    }

    public static async Task<Results<Ok<BandWriteResponse>, JsonHttpResult<ErrorEnvelope>>> UpdateBand(
        HttpContext http, BandWrites writes, string key, CancellationToken cancellationToken)
    {
        if (Parameters.Key(key) is { } badKey) return badKey.ToResult(http);
        var done = await WriteEndpoint.RunAsync(http, root => BandRequest.Parse(root, key), writes.UpdateAsync, cancellationToken);
        if (done.Error is { } error) return error.ToResult(http);
        var (written, invalidation) = done.Value;
        return TypedResults.Ok(new BandWriteResponse(true, BandView.From(written), ReferenceValidation.Valid, written.AffectedFestivals, invalidation));
    }

    public static async Task<Results<Ok<BandWriteResponse>, JsonHttpResult<ErrorEnvelope>>> PatchBand(
        HttpContext http, BandWrites writes, CatalogStore store, string key, CancellationToken cancellationToken)
    {
        if (Parameters.Key(key) is { } badKey) return badKey.ToResult(http);
        var done = await WriteEndpoint.PatchAsync(http,
            async ct => await store.GetBandAsync(key, ct) is { } found ? (PatchTargets.Of(found.Value.Band), found.Version) : null,
            () => ApiError.NotFound("Band", key), root => BandRequest.Parse(root, key), writes.UpdateAsync, cancellationToken);
        if (done.Error is { } error) return error.ToResult(http);
        var (written, invalidation) = done.Value;
        return TypedResults.Ok(new BandWriteResponse(true, BandView.From(written), ReferenceValidation.Valid, written.AffectedFestivals, invalidation));
    }

    public static async Task<Results<NoContent, JsonHttpResult<ErrorEnvelope>>> DeleteBand(
        HttpContext http, BandWrites writes, string key, CancellationToken cancellationToken)
    {
        if (Parameters.Key(key) is { } badKey) return badKey.ToResult(http);
        var context = WriteRequests.Context(http);
        if (context.Error is { } badHeader) return badHeader.ToResult(http);
        var result = await writes.DeleteAsync(key, context.Value!, cancellationToken);
        if (result.Error is { } refused) return refused.ToApiError().ToResult(http);
        await WriteInvalidation.InvalidateAsync(http, result.Value!);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<BandRefsValidation>, JsonHttpResult<ErrorEnvelope>>> ValidateBands(
        HttpContext http, CatalogStore store, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync(http.Request, cancellationToken);
        if (body.Error is { } unreadable) return unreadable.ToResult(http);
        using var document = body.Value!;
        var refs = BandRefsRequest.Parse(document.RootElement);
        if (refs.Error is { } invalid) return invalid.ToResult(http);

        var keys = refs.Value!;
        var existing = await store.ExistingBandsAsync(keys.Where(EntityKeys.IsValid).Distinct(), cancellationToken);
        var problems = keys.Distinct()
            .Select(k => !EntityKeys.IsValid(k) ? new InvalidReference(k, $"not a valid key ({EntityKeys.PatternText})")
                : !existing.Contains(k) ? new InvalidReference(k, "not found") : null)
            .OfType<InvalidReference>().ToList();
        var distinct = keys.Distinct().Count();
        return TypedResults.Ok(new BandRefsValidation(problems.Count == 0, problems, distinct, distinct - problems.Count, problems.Count));
    }
}
