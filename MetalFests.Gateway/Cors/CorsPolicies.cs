namespace MetalFests.Gateway.Cors;

/// <summary>
/// Public reads may be called from any origin (the site, the map, third parties); admin routes from
/// none unless configured (<c>Gateway:Cors:AdminOrigins</c>).
/// </summary>
public static class CorsPolicies
{
    public const string Public = "public";
    public const string Admin = "admin";

    /// <summary>Headers a browser script may read from a response.</summary>
    private static readonly string[] Exposed = ["ETag", "Age", "X-Cache", "Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"];

    public static IServiceCollection AddEdgeCors(this IServiceCollection services, IConfiguration configuration)
    {
        var adminOrigins = configuration.GetSection("Gateway:Cors:AdminOrigins").Get<string[]>() ?? [];
        return services.AddCors(options =>
        {
            options.AddPolicy(Public, policy => policy.AllowAnyOrigin().WithMethods("GET", "HEAD").WithHeaders("Accept", "If-None-Match").WithExposedHeaders(Exposed));
            options.AddPolicy(Admin, policy =>
            {
                if (adminOrigins.Length > 0)
                {
                    policy.WithOrigins(adminOrigins).AllowAnyMethod().WithHeaders("Content-Type", "X-Api-Key", "If-Match").WithExposedHeaders(Exposed);
                }
            });
        });
    }
}
