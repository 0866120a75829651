using System.Text.Json.Nodes;
using Asp.Versioning;
using MetalFests.Api.OpenApi;
using MetalFests.Api.Versioning;
using MetalFests.ServiceDefaults;
using MetalFests.Gateway.Routing;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace MetalFests.Gateway.Documentation;

/// <summary>
/// The public API documented as one per version: <c>/openapi/v1.json</c>, <c>/openapi/v2.json</c> merge the services'
/// documents of that version (each also published as <c>/openapi/{service}.json</c>, <c>/openapi/{service}-v2.json</c>)
/// and the gateway's own operations (the cache admin paths), and <c>/docs</c> is the interactive page.
/// </summary>
public static class ApiDocuments
{
    public const string PagePath = "/docs";
    private const string Title = "MetalFests public API";

    /// <summary>The gateway's own operations described per version, as the services describe theirs.</summary>
    public static WebApplicationBuilder AddApiDocuments(this WebApplicationBuilder builder)
    {
        builder.Services.AddVersionDocuments();
        return builder;
    }

    public static IEndpointRouteBuilder MapApiDocuments(this IEndpointRouteBuilder app)
    {
        foreach (var version in ApiVersions.All)
        {
            app.MapGet(RouteTable.ApiDocumentPathOf(version), (HttpContext http, IHttpClientFactory clients, CancellationToken ct) => MergedDocument(http, clients, version, ct))
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

    /// <summary>
    /// One version's document: the services' documents of that version, then the gateway's own (the cache admin
    /// operations it answers itself, described by the same conventions).
    /// </summary>
    private static async Task<IResult> MergedDocument(HttpContext http, IHttpClientFactory clients, ApiVersion version, CancellationToken cancellationToken)
    {
        var client = clients.CreateClient();
        var name = ApiVersions.DocumentName(version);
        JsonObject? merged = null;
        foreach (var service in RouteTable.DocumentedServices)
        {
            var document = JsonNode.Parse(await ReadServiceDocumentAsync(client, $"http://{service}{ServicePaths.OpenApiDocumentOf(name)}", http.Request, cancellationToken))!.AsObject();
            if (merged is null)
            {
                merged = document;
                merged["info"]!["title"] = $"{Title}, {name}";
                continue;
            }
            Merge(merged, document);
        }
        var own = await http.RequestServices.GetRequiredKeyedService<IOpenApiDocumentProvider>(name).GetOpenApiDocumentAsync(cancellationToken);
        Merge(merged!, JsonNode.Parse(await own.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, cancellationToken))!.AsObject());
        return TypedResults.Text(merged!.ToJsonString(), "application/json");
    }

    private static void Merge(JsonObject merged, JsonObject document)
    {
        MergeInto(merged, document, "paths");
        MergeInto(Child(merged, "components"), Child(document, "components"), "schemas");
        MergeInto(Child(merged, "components"), Child(document, "components"), "securitySchemes");
        MergeTags(merged, document);
    }

    /// <summary>
    /// A service's document as if read through the gateway: the service names the address the
    /// client used (its <c>servers</c>) from the forwarded headers, as it does behind the proxy route.
    /// </summary>
    private static async Task<string> ReadServiceDocumentAsync(HttpClient client, string address, HttpRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, address);
        message.Headers.Add("X-Forwarded-Proto", request.Scheme);
        message.Headers.Add("X-Forwarded-Host", request.Host.Value);
        using var response = await client.SendAsync(message, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(cancellationToken);
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
