using MetalFests.Api.Http;
using MetalFests.Api.Writes;
using MetalFests.ServiceDefaults.Errors;
using MetalFests.ServiceDefaults.Security;
using MetalFests.Storage.Writes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MetalFests.FestivalsService.Festivals;

/// <summary>Festivals' general information: <c>POST /api/admin/festivals</c>, <c>PUT /api/admin/festivals/{key}</c>.</summary>
public static class FestivalsAdminApi
{
    public static IEndpointRouteBuilder MapFestivalsAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/festivals").WithTags("Admin: festivals").ProducesWriteErrors();

        api.MapPost("", CreateFestival).RequirePermission(Permission.Write)
            .WithName(nameof(CreateFestival))
            .WithSummary("Create a festival (409 if the key exists)");

        api.MapPut("/{key}", UpdateFestival).RequirePermission(Permission.Write)
            .WithName(nameof(UpdateFestival))
            .WithSummary("Replace a festival's general information (If-Match: its ETag, optional)");

        return app;
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
}
