using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MetalFests.Api.OpenApi;

/// <summary>
/// Examples in the documents: an endpoint names its request and success examples (<see cref="WorkedExamples"/>);
/// every error status an operation lists gets the envelope it really answers with (<see cref="ErrorExamples"/>).
/// </summary>
public static class Examples
{
    public sealed record RequestExample(string Json);

    public sealed record ResponseExample(int Status, string Json);

    public static TBuilder WithRequestExample<TBuilder>(this TBuilder endpoints, string json) where TBuilder : IEndpointConventionBuilder =>
        endpoints.WithMetadata(new RequestExample(json));

    public static TBuilder WithResponseExample<TBuilder>(this TBuilder endpoints, int status, string json) where TBuilder : IEndpointConventionBuilder =>
        endpoints.WithMetadata(new ResponseExample(status, json));

    public static async Task Apply(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<RequestExample>().LastOrDefault() is { } request && operation.RequestBody?.Content is { } body)
        {
            foreach (var media in body.Values)
            {
                media.Example = JsonNode.Parse(request.Json);
            }
        }
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response.Content is not { Count: > 0 } content || !int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
            {
                continue;
            }
            var example = metadata.OfType<ResponseExample>().LastOrDefault(e => e.Status == code) is { } given
                ? JsonNode.Parse(given.Json)
                : code >= 400 ? await ErrorExamples.ForAsync(code, operation, context) : null;
            if (example is null)
            {
                continue;
            }
            foreach (var media in content.Values)
            {
                media.Example = example.DeepClone();
            }
        }
    }
}
