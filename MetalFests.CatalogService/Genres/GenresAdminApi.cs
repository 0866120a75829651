using MetalFests.Api.Http;
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
        api.MapPost("", CreateGenre).RequirePermission(Permission.Write).WithName(nameof(CreateGenre)).WithSummary("Create a genre (409 if the key exists)");
        api.MapPut("/{key}", UpdateGenre).RequirePermission(Permission.Write).WithName(nameof(UpdateGenre))
            .WithSummary("Replace a genre (If-Match: its ETag, optional); the bands' pages follow");
        return app;
    }

    public static async Task<Results<Created<GenreWriteResponse>, JsonHttpResult<ErrorEnvelope>>> CreateGenre(
        HttpContext http, CatalogWrites writes, CancellationToken cancellationToken)
    {
        var request = await WriteEndpoint.ReadAsync(http, root => GenreRequest.Parse(root, null), cancellationToken);
        if (request.Error is { } invalid) return invalid.ToResult(http);
        var (genre, context) = request.Value;
        var result = await writes.CreateGenreAsync(genre, context, cancellationToken);
        if (result.Error is { } refused) return refused.ToApiError().ToResult(http);
        var written = result.Value!;
        return TypedResults.Created($"/api/genres/{genre.Key}", new GenreWriteResponse(true, GenreView.From(written), WriteEndpoint.Answer(http, written)));
    }

    public static async Task<Results<Ok<GenreWriteResponse>, JsonHttpResult<ErrorEnvelope>>> UpdateGenre(
        HttpContext http, CatalogWrites writes, string key, CancellationToken cancellationToken)
    {
        if (Parameters.Key(key) is { } badKey) return badKey.ToResult(http);
        var request = await WriteEndpoint.ReadAsync(http, root => GenreRequest.Parse(root, key), cancellationToken);
        if (request.Error is { } invalid) return invalid.ToResult(http);
        var (genre, context) = request.Value;
        var result = await writes.UpdateGenreAsync(genre, context, cancellationToken);
        if (result.Error is { } refused) return refused.ToApiError().ToResult(http);
        var written = result.Value!;
        return TypedResults.Ok(new GenreWriteResponse(true, GenreView.From(written), WriteEndpoint.Answer(http, written)));
    }
}
