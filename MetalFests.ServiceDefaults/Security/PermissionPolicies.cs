using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace MetalFests.ServiceDefaults.Security;

/// <summary>
/// Endpoint metadata and authorization requirement: the endpoint admits only an <c>X-Api-Key</c> with this
/// permission (the OpenAPI document reads it too).
/// </summary>
public sealed record PermissionRequirement(Permission Permission) : IAuthorizationRequirement;

/// <summary>One authorization policy per permission: the <see cref="ApiKeyAuthentication"/> scheme, and the permission.</summary>
public static class PermissionPolicies
{
    private static readonly Dictionary<Permission, AuthorizationPolicy> Policies =
        Enum.GetValues<Permission>().ToDictionary(permission => permission, permission => new AuthorizationPolicyBuilder(ApiKeyAuthentication.SchemeName)
            .AddRequirements(new PermissionRequirement(permission)).Build());

    public static AuthorizationPolicy Of(Permission permission) => Policies[permission];

    /// <summary>Whether the authenticated key (if any) has <paramref name="needed"/>.</summary>
    public static bool Allows(ClaimsPrincipal user, Permission needed) =>
        user.FindFirst(ApiKeyAuthentication.PermissionClaim)?.Value is { } granted
        && Enum.TryParse<Permission>(granted, out var permission)
        && new ApiKeyIdentity("", permission).Allows(needed);
}

public sealed class PermissionHandler : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (PermissionPolicies.Allows(context.User, requirement.Permission))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
