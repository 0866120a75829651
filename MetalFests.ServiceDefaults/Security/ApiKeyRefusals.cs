using MetalFests.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace MetalFests.ServiceDefaults.Security;

/// <summary>What the authorization middleware answers when it refuses: the seed's envelope, 401 without a valid key, 403 naming the permission missing.</summary>
public sealed class ApiKeyRefusals : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _admitted = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            return ApiError.Unauthorized().ToResult(context).ExecuteAsync(context);
        }
        if (authorizeResult.Forbidden)
        {
            var needed = authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<PermissionRequirement>().FirstOrDefault()?.Permission ?? AdminFallbackPolicy.Needed;
            return ApiError.Forbidden(needed.ToString().ToLowerInvariant()).ToResult(context).ExecuteAsync(context);
        }
        return _admitted.HandleAsync(next, context, policy, authorizeResult);
    }
}
