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
    public static readonly IReadOnlyList<string> Exposed = ["ETag", "Age", "X-Cache", "Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"];

    /// <summary>What a cross-origin public read may use.</summary>
    public static readonly IReadOnlyList<string> PublicMethods = ["GET", "HEAD"];
    public static readonly IReadOnlyList<string> PublicHeaders = ["Accept", "If-None-Match"];

    /// <summary>What a cross-origin admin call from a configured origin may send.</summary>
    public static readonly IReadOnlyList<string> AdminHeaders = ["Content-Type", "X-Api-Key", "If-Match"];

    public static IServiceCollection AddEdgeCors(this IServiceCollection services, IConfiguration configuration)
    {
        var adminOrigins = configuration.GetSection("Gateway:Cors:AdminOrigins").Get<string[]>() ?? [];
        return services.AddCors(options =>
        {
            options.AddPolicy(Public, policy => policy.AllowAnyOrigin().WithMethods([.. PublicMethods]).WithHeaders([.. PublicHeaders]).WithExposedHeaders([.. Exposed]));
            options.AddPolicy(Admin, policy =>
            {
                if (adminOrigins.Length > 0)
                {
                    policy.WithOrigins(adminOrigins).AllowAnyMethod().WithHeaders([.. AdminHeaders]).WithExposedHeaders([.. Exposed]);
                }
            });
        });
    }
}
