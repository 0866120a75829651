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
        var request = await WriteEndpoint.ReadAsync(http, root => FestivalRequest.Parse(root, null), cancellationToken);
        if (request.Error is { } invalid) return invalid.ToResult(http);
        var (festival, context) = request.Value;
        var result = await writes.CreateAsync(festival, context, cancellationToken);
        if (result.Error is { } refused) return refused.ToApiError().ToResult(http);
        var written = result.Value!;
        return TypedResults.Created($"/api/festivals/{festival.Key}",
            new FestivalWriteResponse(true, FestivalView.From(written), WriteEndpoint.Answer(http, written)));
    }

    public static async Task<Results<Ok<FestivalWriteResponse>, JsonHttpResult<ErrorEnvelope>>> UpdateFestival(
        HttpContext http, FestivalWrites writes, string key, CancellationToken cancellationToken)
    {
        if (Parameters.Key(key) is { } badKey) return badKey.ToResult(http);
        var request = await WriteEndpoint.ReadAsync(http, root => FestivalRequest.Parse(root, key), cancellationToken);
        if (request.Error is { } invalid) return invalid.ToResult(http);
        var (festival, context) = request.Value;
        var result = await writes.UpdateAsync(festival, context, cancellationToken);
        if (result.Error is { } refused) return refused.ToApiError().ToResult(http);
        var written = result.Value!;
        return TypedResults.Ok(new FestivalWriteResponse(true, FestivalView.From(written), WriteEndpoint.Answer(http, written)));
    }
}
