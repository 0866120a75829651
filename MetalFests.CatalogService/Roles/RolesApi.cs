using MetalFests.ServiceDefaults.Caching;
using MetalFests.Api.Http;
using MetalFests.Api.OpenApi;
using MetalFests.Api.Writes;
using MetalFests.ServiceDefaults.Errors;
using MetalFests.Storage.Stores;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MetalFests.CatalogService.Roles;

public static class RolesApi
{
    public static IEndpointRouteBuilder MapRolesApi(this IEndpointRouteBuilder app)
    {
        return app.MapVersions("/api/roles", (api, version) =>
        {
            api.WithTags("Roles").ProducesErrors();
            api.MapRead("", ListRoles).WithName(nameof(ListRoles)).WithResponseExample(StatusCodes.Status200OK, WorkedExamples.RoleList).WithSummary("All roles").CacheFor(CacheTtl.Roles);
            api.MapRead("/{key}", GetRole).WithName(nameof(GetRole)).WithResponseExample(StatusCodes.Status200OK, WorkedExamples.Role).WithSummary("A role").CacheFor(CacheTtl.Roles);
            api.MapRead("/{key}/members", GetRoleMembers).WithName(nameof(GetRoleMembers)).WithSummary("Band members with this role, paginated").CacheFor(CacheTtl.RoleMembers);
        });
    }

    public static async Task<Ok<RoleList>> ListRoles(HttpContext http, CatalogStore store, CancellationToken cancellationToken)
    {
        SurrogateKeys.Label(http, SurrogateKeys.RoleLists);
        var roles = (await store.ListRolesAsync(cancellationToken)).Select(RoleSummary.From).ToList();
        return TypedResults.Ok(new RoleList(roles, roles.Count));
    }

    public static async Task<Results<Ok<RoleResponse>, JsonHttpResult<ErrorEnvelope>>> GetRole(
        HttpContext http, CatalogStore store, string key, CancellationToken cancellationToken)
    {
        if (Parameters.Key(key) is { } invalid) return invalid.ToResult(http);
        SurrogateKeys.Label(http, SurrogateKeys.Role(key));
        if (await store.GetRoleAsync(key, cancellationToken) is not { } role)
        {
            return ApiError.NotFound("Role", key).ToResult(http);
        }
        http.Response.Headers.ETag = ETags.Of(role.Version);
        return TypedResults.Ok(new RoleResponse(role.Value));
    }

    public static async Task<Results<Ok<RoleMembersPage>, JsonHttpResult<ErrorEnvelope>>> GetRoleMembers(
        HttpContext http, CatalogStore store, string key, string? limit, string? offset, CancellationToken cancellationToken)
    {
        if (Parameters.Key(key) is { } invalid) return invalid.ToResult(http);
        var paging = Paging.Parse(limit, offset, Paging.Bands);
        if (paging.Error is { } error) return error.ToResult(http);
        SurrogateKeys.Label(http, SurrogateKeys.Role(key));
        if (await store.GetRoleMembersAsync(key, cancellationToken) is not { } found)
        {
            return ApiError.NotFound("Role", key).ToResult(http);
        }
        var page = paging.Value!.Apply(found.Members);
        // A member's entry prints the band's name: a band's update evicts the pages listing it.
        SurrogateKeys.Label(http, page.Select(m => SurrogateKeys.Band(m.BandKey)).Distinct());
        return TypedResults.Ok(new RoleMembersPage(found.Role.Key, found.Role.Name, [.. page.Select(RoleMemberEntry.From)],
            page.Count, found.Members.Count, paging.Value.Limit, paging.Value.Offset));
    }
}
