using MetalFests.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Yarp.ReverseProxy.Configuration;

namespace MetalFests.Gateway.Routing;

/// <summary>
/// Which service owns which path: the one route table of the system. Public reads and the admin
/// paths of a resource go to the service that owns the resource.
/// </summary>
public static class RouteTable
{
    private static readonly (string Service, string[] Prefixes)[] Owners =
    [
        (ServiceNames.Festivals, ["/api/festivals", "/api/admin/festivals"]),
        (ServiceNames.Catalog, ["/api/bands", "/api/genres", "/api/roles", "/api/admin/bands", "/api/admin/genres", "/api/admin/roles"]),
    ];

    /// <summary>Each service's own OpenAPI document, published by the gateway under the service's name.</summary>
    public static string ServiceDocumentPath(string service) => $"/openapi/{service}.json";

    /// <summary>The document of the whole public API, merged by the gateway from the services' documents.</summary>
    public const string ApiDocumentPath = "/openapi/v1.json";

    public static readonly IReadOnlyList<string> DocumentedServices = [.. Owners.Select(o => o.Service)];

    public static IReadOnlyList<RouteConfig> Routes { get; } =
    [
        .. Owners.SelectMany(owner => owner.Prefixes.Select(prefix => new RouteConfig
        {
            RouteId = prefix.TrimStart('/').Replace('/', '-'),
            ClusterId = owner.Service,
            // The catch-all is optional, so the prefix itself matches too.
            Match = new RouteMatch { Path = prefix + "/{**rest}" },
        })),
        .. Owners.Select(owner => new RouteConfig
        {
            RouteId = $"openapi-{owner.Service}",
            ClusterId = owner.Service,
            Match = new RouteMatch { Path = ServiceDocumentPath(owner.Service), Methods = ["GET", "HEAD"] },
            Transforms = [new Dictionary<string, string> { ["PathSet"] = ServicePaths.OpenApiDocument }],
        }),
    ];

    public static IReadOnlyList<ClusterConfig> Clusters { get; } =
    [
        .. Owners.Select(owner => new ClusterConfig
        {
            ClusterId = owner.Service,
            // Resolved by service discovery to the address the AppHost gave the service.
            Destinations = new Dictionary<string, DestinationConfig>
            {
                [owner.Service] = new() { Address = $"http://{owner.Service}" },
            },
        }),
    ];
}
