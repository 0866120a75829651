using MetalFests.Gateway.Cors;
using MetalFests.Gateway.Routing;

namespace MetalFests.Deploy.Api;

/// <summary>One path prefix of the public API and the service that owns it.</summary>
/// <param name="Path">The resource path (<c>/api/festivals</c>).</param>
/// <param name="CatchAll">Whether everything below the path goes to the service too (<c>{**rest}</c>).</param>
/// <param name="Admin">Admin routes need an API key for every method; public routes only for writes.</param>
public sealed record ApiRoute(string Path, string Service, bool CatchAll, bool Admin);

/// <summary>
/// The API's routes, read from the gateway's <see cref="RouteTable"/> (the one list of which path goes
/// to which service). Only <c>/api/…</c>: CloudFront sends nothing else to the API. On AWS there is no
/// gateway, so its own admin path (cache invalidation) goes to the festivals service, which serves it
/// there.
/// </summary>
public static class ApiRoutes
{
    private const string ApiPrefix = "/api/";
    private const string CatchAllSegment = "/{**rest}";
    /// <summary>Who answers the cache admin paths without the gateway: the route table says.</summary>
    public static string CacheAdminService { get; } = RouteTable.DeployedPrefixes.Single(p => p.Prefix == RouteTable.AdminCachePath).Service;

    public static IReadOnlyList<ApiRoute> All { get; } =
    [
        .. RouteTable.Routes
            .Where(route => route.Match.Path?.StartsWith(ApiPrefix, StringComparison.Ordinal) == true)
            .Select(route => route.Match.Path!.EndsWith(CatchAllSegment, StringComparison.Ordinal)
                ? new ApiRoute(route.Match.Path[..^CatchAllSegment.Length], route.ClusterId!, CatchAll: true, route.CorsPolicy == CorsPolicies.Admin)
                : new ApiRoute(route.Match.Path, route.ClusterId!, CatchAll: false, route.CorsPolicy == CorsPolicies.Admin)),
        new ApiRoute(RouteTable.AdminCachePath, CacheAdminService, CatchAll: true, Admin: true),
    ];
}
