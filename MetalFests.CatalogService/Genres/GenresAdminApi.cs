using MetalFests.Storage.Stores;
using MetalFests.Api.Http;
using MetalFests.Api.OpenApi;
using MetalFests.Api.Writes;
using MetalFests.ServiceDefaults.Errors;
using MetalFests.ServiceDefaults.Security;
using MetalFests.Storage.Writes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MetalFests.CatalogService.Genres;

/// <summary><c>POST /api/admin/genres</c> and <c>PUT /api/admin/genres/{key}</c>; the count is the band writes' to keep.</summary>
public static class GenresAdminApi
{
    public static IEndpointRouteBuilder MapGenresAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/genres").WithTags("Admin: genres").ProducesWriteErrors();
        api.MapPost("", CreateGenre).RequirePermission(Permission.Write).WithName(nameof(CreateGenre))
            .DocumentsBody<GenreBody, RouteHandlerBuilder>().WithRequestExample(WorkedExamples.GenrePost)
            .AlsoAnswers(StatusCodes.Status409Conflict)
            .WithSummary("Create a genre (409 if the key exists)");
        api.MapPut("/{key}", UpdateGenre).RequirePermission(Permission.Write).WithName(nameof(UpdateGenre))
            .DocumentsBody<GenreBody, RouteHandlerBuilder>().WithRequestExample(WorkedExamples.GenrePost)
            .WithSummary("Replace a genre (If-Match: its ETag, optional); the bands' pages follow")
            .WithDescription(PatchDocs.PutReplaces);
        api.MapPatch("/{key}", PatchGenre).RequirePermission(Permission.Write).WithName(nameof(PatchGenre))
            .DocumentsMergePatch<GenreBody, RouteHandlerBuilder>().WithRequestExample(WorkedExamples.GenrePatch)
            .WithSummary("Change some of a genre's fields (JSON Merge Patch; If-Match: its ETag, optional)")
            .WithDescription(PatchDocs.PatchMerges);
        return app;
    }

    public static async Task<Results<Created<GenreWriteResponse>, JsonHttpResult<ErrorEnvelope>>> CreateGenre(
        HttpContext http, CatalogWrites writes, CancellationToken cancellationToken)
    {
        var done = await WriteEndpoint.RunAsync(http, root => GenreRequest.Parse(root, null), writes.CreateGenreAsync, cancellationToken);
        if (done.Error is { } error) return error.ToResult(http);
        var (written, invalidation) = done.Value;
        return TypedResults.Created($"/api/genres/{written.Entity.Key}", new GenreWriteResponse(true, GenreView.From(written), invalidation));
    }

    public static async Task<Results<Ok<GenreWriteResponse>, JsonHttpResult<ErrorEnvelope>>> UpdateGenre(
        HttpContext http, CatalogWrites writes, string key, CancellationToken cancellationToken)
    {
        if (Parameters.Key(key) is { } badKey) return badKey.ToResult(http);
        var done = await WriteEndpoint.RunAsync(http, root => GenreRequest.Parse(root, key), writes.UpdateGenreAsync, cancellationToken);
        if (done.Error is { } error) return error.ToResult(http);
        var (written, invalidation) = done.Value;
        return TypedResults.Ok(new GenreWriteResponse(true, GenreView.From(written), invalidation));
    }

    public static async Task<Results<Ok<GenreWriteResponse>, JsonHttpResult<ErrorEnvelope>>> PatchGenre(
        HttpContext http, CatalogWrites writes, CatalogStore store, string key, CancellationToken cancellationToken)
    {
        if (Parameters.Key(key) is { } badKey) return badKey.ToResult(http);
        var done = await WriteEndpoint.PatchAsync(http,
            async ct => await store.GetGenreAsync(key, ct) is { } found ? (PatchTargets.Of(found.Value), found.Version) : null,
            () => ApiError.NotFound("Genre", key), root => GenreRequest.Parse(root, key), writes.UpdateGenreAsync, cancellationToken);
        if (done.Error is { } error) return error.ToResult(http);
        var (written, invalidation) = done.Value;
        return TypedResults.Ok(new GenreWriteResponse(true, GenreView.From(written), invalidation));
    }
}
