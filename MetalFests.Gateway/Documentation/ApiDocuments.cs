using System.Text.Json.Nodes;
using Asp.Versioning;
using MetalFests.Api.Versioning;
using MetalFests.ServiceDefaults;
using MetalFests.Gateway.Routing;
using Scalar.AspNetCore;

namespace MetalFests.Gateway.Documentation;

/// <summary>
/// The public API documented as one per version: <c>/openapi/v1.json</c>, <c>/openapi/v2.json</c> merge the services'
/// documents of that version (each also published as <c>/openapi/{service}.json</c>, <c>/openapi/{service}-v2.json</c>),
/// and <c>/docs</c> is the interactive page.
/// </summary>
public static class ApiDocuments
{
    public const string PagePath = "/docs";
    private const string Title = "MetalFests public API";

    public static IEndpointRouteBuilder MapApiDocuments(this IEndpointRouteBuilder app)
    {
        foreach (var version in ApiVersions.All)
        {
            app.MapGet(RouteTable.ApiDocumentPathOf(version), (IHttpClientFactory clients, CancellationToken ct) => MergedDocument(clients, version, ct))
                .ExcludeFromDescription();
        }
        app.MapScalarApiReference(PagePath, options =>
        {
            options.WithTitle(Title).WithOpenApiRoutePattern(ServicePaths.OpenApiDocumentPattern);
            foreach (var version in ApiVersions.All)
            {
                var name = ApiVersions.DocumentName(version);
                options.AddDocument(name, $"All services, {name}", isDefault: version == ApiVersions.V1);
            }
            foreach (var service in RouteTable.DocumentedServices)
            {
                options.AddDocument(service, service);
            }
        });
        return app;
    }

    private static async Task<IResult> MergedDocument(IHttpClientFactory clients, ApiVersion version, CancellationToken cancellationToken)
    {
        var client = clients.CreateClient();
        JsonObject? merged = null;
        foreach (var service in RouteTable.DocumentedServices)
        {
            var document = JsonNode.Parse(await client.GetStringAsync($"http://{service}{ServicePaths.OpenApiDocumentOf(ApiVersions.DocumentName(version))}", cancellationToken))!.AsObject();
            if (merged is null)
            {
                merged = document;
                merged["info"]!["title"] = $"{Title}, {ApiVersions.DocumentName(version)}";
                continue;
            }
            MergeInto(merged, document, "paths");
            MergeInto(Child(merged, "components"), Child(document, "components"), "schemas");
            MergeTags(merged, document);
        }
        return TypedResults.Text(merged!.ToJsonString(), "application/json");
    }

    /// <summary>Adds the entries of <c>source[name]</c> missing from <c>target[name]</c> (shared schemas are the same type).</summary>
    private static void MergeInto(JsonObject target, JsonObject source, string name)
    {
        var into = Child(target, name);
        foreach (var (key, value) in Child(source, name).ToList())
        {
            if (!into.ContainsKey(key))
            {
                into[key] = value?.DeepClone();
            }
        }
    }

    private static void MergeTags(JsonObject target, JsonObject source)
    {
        if (source["tags"] is not JsonArray tags)
        {
            return;
        }
        var into = target["tags"] as JsonArray ?? [];
        target["tags"] = into;
        foreach (var tag in tags)
        {
            into.Add(tag?.DeepClone());
        }
    }

    private static JsonObject Child(JsonObject parent, string name) =>
        parent[name] as JsonObject ?? (JsonObject)(parent[name] = new JsonObject());
}
