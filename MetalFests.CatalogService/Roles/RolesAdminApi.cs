using MetalFests.Api.Http;
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
        api.MapPost("", CreateRole).RequirePermission(Permission.Write).WithName(nameof(CreateRole)).WithSummary("Create a role (409 if the key exists)");
        api.MapPut("/{key}", UpdateRole).RequirePermission(Permission.Write).WithName(nameof(UpdateRole))
            .WithSummary("Replace a role (If-Match: its ETag, optional); the bands' pages follow");
        return app;
    }

    public static async Task<Results<Created<RoleWriteResponse>, JsonHttpResult<ErrorEnvelope>>> CreateRole(
        HttpContext http, CatalogWrites writes, CancellationToken cancellationToken)
    {
        var request = await WriteEndpoint.ReadAsync(http, root => RoleRequest.Parse(root, null), cancellationToken);
        if (request.Error is { } invalid) return invalid.ToResult(http);
        var (role, context) = request.Value;
        var result = await writes.CreateRoleAsync(role, context, cancellationToken);
        if (result.Error is { } refused) return refused.ToApiError().ToResult(http);
        var written = result.Value!;
        return TypedResults.Created($"/api/roles/{role.Key}", new RoleWriteResponse(true, RoleView.From(written), WriteEndpoint.Answer(http, written)));
    }

    public static async Task<Results<Ok<RoleWriteResponse>, JsonHttpResult<ErrorEnvelope>>> UpdateRole(
        HttpContext http, CatalogWrites writes, string key, CancellationToken cancellationToken)
    {
        if (Parameters.Key(key) is { } badKey) return badKey.ToResult(http);
        var request = await WriteEndpoint.ReadAsync(http, root => RoleRequest.Parse(root, key), cancellationToken);
        if (request.Error is { } invalid) return invalid.ToResult(http);
        var (role, context) = request.Value;
        var result = await writes.UpdateRoleAsync(role, context, cancellationToken);
        if (result.Error is { } refused) return refused.ToApiError().ToResult(http);
        var written = result.Value!;
        return TypedResults.Ok(new RoleWriteResponse(true, RoleView.From(written), WriteEndpoint.Answer(http, written)));
    }
}
