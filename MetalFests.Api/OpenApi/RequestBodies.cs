using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MetalFests.Api.OpenApi;

/// <summary>
/// Documents a write's JSON body without <c>Accepts</c>: that would make routing answer 415 before
/// the API key is checked (a request without a key must get 401 whatever its body). The body itself
/// is read and validated by the endpoint.
/// </summary>
public static class RequestBodies
{
    public sealed record DocumentedBody(Type Type);

    public static TBuilder DocumentsBody<T, TBuilder>(this TBuilder endpoints) where TBuilder : IEndpointConventionBuilder =>
        endpoints.WithMetadata(new DocumentedBody(typeof(T)));

    public static async Task Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<DocumentedBody>().LastOrDefault() is not { } body)
        {
            return;
        }
        var schema = await context.GetOrCreateSchemaAsync(body.Type, null, cancellationToken);
        var name = body.Type.Name;
        context.Document!.AddComponent(name, schema);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [MetalFests.ServiceDefaults.MediaTypes.Json] = new() { Schema = new OpenApiSchemaReference(name, context.Document) },
            },
        };
    }
}
