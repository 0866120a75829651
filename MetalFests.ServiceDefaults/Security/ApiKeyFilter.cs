using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MetalFests.ServiceDefaults.Security;

public static class ApiKeyFilter
{
    /// <summary>
    /// Admits a request only with an <c>X-Api-Key</c> that has <paramref name="needed"/>: 401 when the
    /// key is missing or unknown, 403 when it lacks the permission — checked by the authorization middleware,
    /// before the body is read. The key's id (never the key) goes into the trace and <see cref="CurrentKey"/>.
    /// An endpoint under <c>/api/admin</c> that says nothing is still protected: <see cref="AdminFallbackPolicy"/>.
    /// </summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder endpoints, Permission needed) where TBuilder : IEndpointConventionBuilder =>
        endpoints.WithMetadata(new PermissionRequirement(needed)).RequireAuthorization(PermissionPolicies.Of(needed));

    public static ApiKeyIdentity CurrentKey(this HttpContext context) =>
        context.Items[typeof(ApiKeyIdentity)] as ApiKeyIdentity ?? throw new InvalidOperationException("The endpoint does not require an API key.");
}
