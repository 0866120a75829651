using Asp.Versioning;
using MetalFests.Api.Invalidation;
using MetalFests.Api.Versioning;
using MetalFests.Gateway.Cors;
using MetalFests.ServiceDefaults;
using Yarp.ReverseProxy.Configuration;

namespace MetalFests.Gateway.Routing;

/// <summary>
/// Which service owns which path: the one route table of the system. A resource's public reads and
/// its admin paths go to the service that owns it; public routes are cached and open to any origin.
/// </summary>
public static class RouteTable
{
    private const string CacheMetadata = "EdgeCache";

    private static readonly (string Service, string[] Public, string[] Admin)[] Owners =
    [
        (ServiceNames.Festivals, ["/api/festivals", "/api/festivals.geojson", "/api/festivals.ics"], ["/api/admin/festivals", "/api/admin/health", "/api/admin/stats", "/api/admin/audit"]),
        (ServiceNames.Catalog, ["/api/bands", "/api/genres", "/api/roles"], ["/api/admin/bands", "/api/admin/genres", "/api/admin/roles"]),
    ];

    /// <summary>
    /// Each service's own OpenAPI document of a version, published by the gateway under the service's name:
    /// <c>/openapi/catalog.json</c> (version 1), <c>/openapi/catalog-v2.json</c>.
    /// </summary>
    public static string ServiceDocumentPath(string service, ApiVersion? version = null) =>
        (version ?? ApiVersions.V1) == ApiVersions.V1 ? $"/openapi/{service}.json" : $"/openapi/{service}-{ApiVersions.DocumentName(version!)}.json";

    /// <summary>The document of the whole public API (version 1), merged by the gateway from the services' documents.</summary>
    public const string ApiDocumentPath = "/openapi/v1.json";

    /// <summary>The merged document of each version: <c>/openapi/v1.json</c>, <c>/openapi/v2.json</c>.</summary>
    public static string ApiDocumentPathOf(ApiVersion version) => ServicePaths.OpenApiDocumentOf(ApiVersions.DocumentName(version));

    /// <summary>A resource's public prefixes in every published version: <c>/api/bands</c>, <c>/api/v2/bands</c>.</summary>
    public static IEnumerable<string> InEveryVersion(IEnumerable<string> v1Prefixes) =>
        ApiVersions.All.SelectMany(version => v1Prefixes.Select(prefix => ApiVersions.PathOf(version, prefix)));

    /// <summary>
    /// The cache admin paths: the gateway answers them itself (the local edge); deployed without a gateway
    /// (<c>CacheInvalidation:Provider=cloudfront</c>), the festivals service answers them against CloudFront.
    /// </summary>
    public const string AdminCachePath = InvalidationApi.Path;

    /// <summary>
    /// Which service answers which path prefix when deployed without this gateway (API Gateway's routes are
    /// generated from it): every prefix of <see cref="Routes"/> (every version's), and <see cref="AdminCachePath"/> to the festivals service.
    /// </summary>
    public static IReadOnlyList<(string Service, string Prefix)> DeployedPrefixes { get; } =
    [
        .. Owners.SelectMany(owner => InEveryVersion(owner.Public).Concat(owner.Admin).Select(prefix => (owner.Service, prefix))),
        (ServiceNames.Festivals, AdminCachePath),
    ];

    /// <summary>The public (cached) route prefixes.</summary>
    public static IReadOnlyList<string> PublicPrefixes { get; } = [.. Owners.SelectMany(owner => owner.Public)];

    public static readonly IReadOnlyList<string> DocumentedServices = [.. Owners.Select(o => o.Service)];

    public static IReadOnlyList<RouteConfig> Routes { get; } =
    [
        .. Owners.SelectMany(owner => InEveryVersion(owner.Public).Select(prefix => Route(owner.Service, prefix, CorsPolicies.Public, cached: true))),
        .. Owners.SelectMany(owner => owner.Admin.Select(prefix => Route(owner.Service, prefix, CorsPolicies.Admin, cached: false))),
        .. Owners.SelectMany(owner => ApiVersions.All.Select(version => new RouteConfig
        {
            RouteId = $"openapi-{owner.Service}-{ApiVersions.DocumentName(version)}",
            ClusterId = owner.Service,
            Match = new RouteMatch { Path = ServiceDocumentPath(owner.Service, version), Methods = ["GET", "HEAD"] },
            Transforms = [new Dictionary<string, string> { ["PathSet"] = ServicePaths.OpenApiDocumentOf(ApiVersions.DocumentName(version)) }],
        })),
    ];

    /// <summary>
    /// How long the edge waits for a service to answer before it answers 503 itself: API Gateway's integration
    /// timeout (29 s), which the deployed system has in the gateway's place. A service answers its own 503 well within
    /// it (DynamoDB requests time out in 5 s, a write waits at most 10 s for the lease); without it, a request to a
    /// service killed mid-request, or to one that hangs, would wait for YARP's default of 100 s.
    /// </summary>
    public static readonly TimeSpan OriginTimeout = TimeSpan.FromSeconds(29);

    public static IReadOnlyList<ClusterConfig> Clusters { get; } =
    [
        .. Owners.Select(owner => new ClusterConfig
        {
            ClusterId = owner.Service,
            HttpRequest = new Yarp.ReverseProxy.Forwarder.ForwarderRequestConfig { ActivityTimeout = OriginTimeout },
            // Resolved by service discovery to the address the AppHost gave the service.
            Destinations = new Dictionary<string, DestinationConfig>
            {
                [owner.Service] = new() { Address = $"http://{owner.Service}" },
            },
        }),
    ];

    /// <summary>Whether responses of this route may be kept by the edge cache (public reads only).</summary>
    public static bool IsCacheable(RouteConfig route) => route.Metadata?.ContainsKey(CacheMetadata) == true;

    private static RouteConfig Route(string service, string prefix, string corsPolicy, bool cached) => new()
    {
        RouteId = prefix.TrimStart('/').Replace('/', '-'),
        ClusterId = service,
        // The catch-all is optional, so the prefix itself matches too.
        Match = new RouteMatch { Path = prefix + "/{**rest}" },
        CorsPolicy = corsPolicy,
        Metadata = cached ? new Dictionary<string, string> { [CacheMetadata] = "public" } : null,
    };
}
