using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace MetalFests.ServiceDefaults.Security;

/// <summary>
/// The authorization fallback: what a request gets when its endpoint says nothing (no <c>RequirePermission</c>, no
/// <c>AllowAnonymous</c>), or when no endpoint matched. Under <c>/api/admin</c> it needs a key with full
/// (<see cref="Permission.Delete"/>) permission — deny by default: an admin endpoint that forgot to say what it
/// needs is closed to all but full keys (401 without a valid key, 403 with a weaker one), never open. Elsewhere
/// (the public API, the website) it admits everyone.
/// </summary>
public static class AdminFallbackPolicy
{
    /// <summary>Every path at or below it is an admin path.</summary>
    public const string AdminPrefix = "/api/admin";

    /// <summary>What an admin endpoint without a permission of its own needs.</summary>
    public const Permission Needed = Permission.Delete;

    public static AuthorizationPolicy Policy { get; } =
        new AuthorizationPolicyBuilder(ApiKeyAuthentication.SchemeName).AddRequirements(new AdminPathRequirement()).Build();

    public static bool IsAdminPath(PathString path) => path.StartsWithSegments(AdminPrefix, StringComparison.OrdinalIgnoreCase);
}

/// <summary>The fallback's requirement: met off the admin paths, and on them by a key with <see cref="AdminFallbackPolicy.Needed"/>.</summary>
public sealed class AdminPathRequirement : IAuthorizationRequirement;

public sealed class AdminPathHandler : AuthorizationHandler<AdminPathRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AdminPathRequirement requirement)
    {
        // The middleware passes the HttpContext as the resource; anything else is treated as an admin path (closed).
        var adminPath = context.Resource is not HttpContext http || AdminFallbackPolicy.IsAdminPath(http.Request.Path);
        if (!adminPath || PermissionPolicies.Allows(context.User, AdminFallbackPolicy.Needed))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
