using System.Diagnostics;
using MetalFests.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MetalFests.ServiceDefaults.Security;

public static class ApiKeyFilter
{
    /// <summary>
    /// Admits a request only with an <c>X-Api-Key</c> that has <paramref name="needed"/>: 401 when the
    /// key is missing or unknown, 403 when it lacks the permission. The key's id (never the key) goes
    /// into the trace and <see cref="CurrentKey"/>.
    /// </summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder endpoints, Permission needed) where TBuilder : IEndpointConventionBuilder =>
        endpoints.WithMetadata(new PermissionRequirement(needed)).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var identity = http.RequestServices.GetRequiredService<ApiKeyAuthenticator>().Authenticate(http.Request.Headers[RequestHeaders.ApiKey]);
            if (identity is null)
            {
                return ApiError.Unauthorized().ToResult(http);
            }
            Activity.Current?.SetTag("metalfests.api_key.id", identity.Id);
            http.Items[typeof(ApiKeyIdentity)] = identity;
            return identity.Allows(needed) ? await next(context) : ApiError.Forbidden(needed.ToString().ToLowerInvariant()).ToResult(http);
        });

    public static ApiKeyIdentity CurrentKey(this HttpContext context) =>
        context.Items[typeof(ApiKeyIdentity)] as ApiKeyIdentity ?? throw new InvalidOperationException("The endpoint does not require an API key.");
}

/// <summary>Endpoint metadata: the endpoint admits only an <c>X-Api-Key</c> with this permission (read by the OpenAPI document).</summary>
public sealed record PermissionRequirement(Permission Permission);
