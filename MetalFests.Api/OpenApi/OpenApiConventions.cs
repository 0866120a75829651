using MetalFests.Api.Versioning;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;

namespace MetalFests.Api.OpenApi;

/// <summary>How every service's OpenAPI document describes the API to client developers (each rule in its own file).</summary>
public static class OpenApiConventions
{
    /// <summary>One document per version (v1, v2), each under these conventions; the admin paths, not versioned, are in each.</summary>
    public static IServiceCollection AddVersionDocuments(this IServiceCollection services)
    {
        // No IHttpContextAccessor here: registered, it makes hosting allocate a new HttpContext for every request (the
        // edge's hits included) instead of reusing one per connection. DocumentServers uses the services' own (AddPublicApi).
        foreach (var version in ApiVersions.All)
        {
            services.AddOpenApi(ApiVersions.DocumentName(version), options => options.AddApiConventions());
        }
        return services;
    }

    public static OpenApiOptions AddApiConventions(this OpenApiOptions options)
    {
        options.AddDocumentTransformer(HeadTwins.Hide);
        options.AddDocumentTransformer(DocumentServers.FromRequest);
        options.AddDocumentTransformer(ApiKeySecurity.DeclareScheme);
        options.AddDocumentTransformer(TagDescriptions.FromPaths);
        options.AddOperationTransformer(ApiKeySecurity.Apply);
        options.AddOperationTransformer(RequestBodies.Describe);
        options.AddOperationTransformer(ErrorStatuses.KeepThoseThatApply);
        options.AddOperationTransformer(Examples.Apply);
        return options;
    }
}
