using MetalFests.Storage.Stores;
using MetalFests.Api.Http;
using MetalFests.Api.OpenApi;
using MetalFests.Api.Writes;
using MetalFests.ServiceDefaults.Errors;
using MetalFests.ServiceDefaults.Security;
using MetalFests.Storage.Writes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MetalFests.CatalogService.Roles;

/// <summary><c>POST /api/admin/roles</c> and <c>PUT /api/admin/roles/{key}</c>; the count is the band writes' to keep.</summary>
public static class RolesAdminApi
{
    public static IEndpointRouteBuilder MapRolesAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/roles").WithTags("Admin: roles").ProducesWriteErrors();
        api.MapPost("", CreateRole).RequirePermission(Permission.Write).WithName(nameof(CreateRole))
            .DocumentsBody<RoleBody, RouteHandlerBuilder>().WithRequestExample(WorkedExamples.RolePost)
            .AlsoAnswers(StatusCodes.Status409Conflict)
            .WithSummary("Create a role (409 if the key exists)");
        api.MapPut("/{key}", UpdateRole).RequirePermission(Permission.Write).WithName(nameof(UpdateRole))
            .DocumentsBody<RoleBody, RouteHandlerBuilder>().WithRequestExample(WorkedExamples.RolePost)
            .WithSummary("Replace a role (If-Match: its ETag, optional); the bands' pages follow")
            .WithDescription(PatchDocs.PutReplaces);
        api.MapPatch("/{key}", PatchRole).RequirePermission(Permission.Write).WithName(nameof(PatchRole))
            .DocumentsMergePatch<RoleBody, RouteHandlerBuilder>()
            .WithSummary("Change some of a role's fields (JSON Merge Patch; If-Match: its ETag, optional)")
            .WithDescription(PatchDocs.PatchMerges);
        return app;
    }

    public static async Task<Results<Created<RoleWriteResponse>, JsonHttpResult<ErrorEnvelope>>> CreateRole(
        HttpContext http, CatalogWrites writes, CancellationToken cancellationToken)
    {
        var done = await WriteEndpoint.RunAsync(http, root => RoleRequest.Parse(root, null), writes.CreateRoleAsync, cancellationToken);
        if (done.Error is { } error) return error.ToResult(http);
        var (written, invalidation) = done.Value;
        return TypedResults.Created($"/api/roles/{written.Entity.Key}", new RoleWriteResponse(true, RoleView.From(written), invalidation));
    }

    public static async Task<Results<Ok<RoleWriteResponse>, JsonHttpResult<ErrorEnvelope>>> UpdateRole(
        HttpContext http, CatalogWrites writes, string key, CancellationToken cancellationToken)
    {
        if (Parameters.Key(key) is { } badKey) return badKey.ToResult(http);
        var done = await WriteEndpoint.RunAsync(http, root => RoleRequest.Parse(root, key), writes.UpdateRoleAsync, cancellationToken);
        if (done.Error is { } error) return error.ToResult(http);
        var (written, invalidation) = done.Value;
        return TypedResults.Ok(new RoleWriteResponse(true, RoleView.From(written), invalidation));
    }

    public static async Task<Results<Ok<RoleWriteResponse>, JsonHttpResult<ErrorEnvelope>>> PatchRole(
        HttpContext http, CatalogWrites writes, CatalogStore store, string key, CancellationToken cancellationToken)
    {
        if (Parameters.Key(key) is { } badKey) return badKey.ToResult(http);
        var done = await WriteEndpoint.PatchAsync(http,
            async ct => await store.GetRoleAsync(key, ct) is { } found ? (PatchTargets.Of(found.Value), found.Version) : null,
            () => ApiError.NotFound("Role", key), root => RoleRequest.Parse(root, key), writes.UpdateRoleAsync, cancellationToken);
        if (done.Error is { } error) return error.ToResult(http);
        var (written, invalidation) = done.Value;
        return TypedResults.Ok(new RoleWriteResponse(true, RoleView.From(written), invalidation));
    }
}
