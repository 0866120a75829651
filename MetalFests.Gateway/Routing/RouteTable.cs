using MetalFests.ServiceDefaults;
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

    public static IReadOnlyList<RouteConfig> Routes { get; } =
    [
        .. Owners.SelectMany(owner => owner.Prefixes.Select(prefix => new RouteConfig
        {
            RouteId = prefix.TrimStart('/').Replace('/', '-'),
            ClusterId = owner.Service,
            // The catch-all is optional, so the prefix itself matches too.
            Match = new RouteMatch { Path = prefix + "/{**rest}" },
        })),
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
