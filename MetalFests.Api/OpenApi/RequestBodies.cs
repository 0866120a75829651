using MetalFests.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MetalFests.Api.OpenApi;

/// <summary>
/// Documents a write's JSON body without <c>Accepts</c>: that would make routing answer 415 before
/// the API key is checked (a request without a key must get 401 whatever its body). The body itself
/// is read and validated by the endpoint. A <c>PATCH</c> takes a JSON Merge Patch of the <c>PUT</c> body
/// (<c>application/merge-patch+json</c>): its schema is the body's with no field required.
/// </summary>
public static class RequestBodies
{
    public sealed record DocumentedBody(Type Type, bool MergePatch);

    private const string MergePatchSuffix = "MergePatch";

    /// <summary>The body is a <typeparamref name="T"/> as <c>application/json</c>.</summary>
    public static TBuilder DocumentsBody<T, TBuilder>(this TBuilder endpoints) where TBuilder : IEndpointConventionBuilder =>
        endpoints.WithMetadata(new DocumentedBody(typeof(T), MergePatch: false));

    /// <summary>The body is a JSON Merge Patch (RFC 7396) of a <typeparamref name="T"/>, as <c>application/merge-patch+json</c>.</summary>
    public static TBuilder DocumentsMergePatch<T, TBuilder>(this TBuilder endpoints) where TBuilder : IEndpointConventionBuilder =>
        endpoints.WithMetadata(new DocumentedBody(typeof(T), MergePatch: true));

    public static async Task Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<DocumentedBody>().LastOrDefault() is not { } body)
        {
            return;
        }
        var schema = await context.GetOrCreateSchemaAsync(body.Type, null, cancellationToken);
        var name = body.Type.Name;
        if (body.MergePatch)
        {
            // Any subset of the body's fields; null removes an optional one (and is refused for a required one).
            var patch = (OpenApiSchema)schema.CreateShallowCopy();
            patch.Required = new HashSet<string>();
            patch.Description = $"A JSON Merge Patch (RFC 7396) of a {name}: only the fields sent change; null removes an optional field; an array replaces the stored one whole.";
            schema = patch;
            name += MergePatchSuffix;
        }
        context.Document!.AddComponent(name, schema);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [body.MergePatch ? MediaTypes.MergePatch : MediaTypes.Json] = new() { Schema = new OpenApiSchemaReference(name, context.Document) },
            },
        };
    }
}
