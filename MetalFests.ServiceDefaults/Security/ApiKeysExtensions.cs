using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MetalFests.ServiceDefaults.Security;

public static class ApiKeysExtensions
{
    /// <summary>
    /// The configured keys (<c>ApiKeys</c>, checked at start-up: a bad one refuses the start, naming its setting), the
    /// <c>X-Api-Key</c> scheme, a policy per permission, and the fallback that closes every <c>/api/admin</c> path an
    /// endpoint does not open itself.
    /// </summary>
    public static IServiceCollection AddApiKeys(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiKeyOptions>()
            .Configure(options => options.Keys = ApiKeyEntry.ReadAll(configuration.GetSection(ApiKeyOptions.SectionName)))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiKeyOptions>, ApiKeyOptionsValidator>();
        services.AddSingleton<ApiKeyAuthenticator>();
        services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, configureOptions: null);
        services.AddAuthorizationBuilder().SetFallbackPolicy(AdminFallbackPolicy.Policy);
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        services.AddSingleton<IAuthorizationHandler, AdminPathHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiKeyRefusals>();
        return services;
    }

    /// <summary>Authentication and authorization, here in the pipeline (after routing and the error handler), not where the framework would put them.</summary>
    public static WebApplication UseApiKeys(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>
    /// Set (<c>true</c>) only by the tests: maps <see cref="UnattributedAdminPath"/>, an admin endpoint that says nothing
    /// about keys, to prove that <see cref="AdminFallbackPolicy"/> protects such an endpoint.
    /// </summary>
    public const string UnattributedAdminEndpointSetting = "Testing:UnattributedAdminEndpoint";

    public const string UnattributedAdminPath = AdminFallbackPolicy.AdminPrefix + "/testing/unattributed";

    public static WebApplication MapUnattributedAdminEndpointWhenTesting(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>(UnattributedAdminEndpointSetting))
        {
            // Deliberately no RequirePermission and no AllowAnonymous: what a forgetful new endpoint looks like.
            app.MapGet(UnattributedAdminPath, () => TypedResults.Text("reached")).ExcludeFromDescription();
        }
        return app;
    }
}
