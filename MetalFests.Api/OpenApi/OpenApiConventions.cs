using Microsoft.AspNetCore.OpenApi;

namespace MetalFests.Api.OpenApi;

/// <summary>How every service's OpenAPI document describes the API to client developers (each rule in its own file).</summary>
public static class OpenApiConventions
{
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
