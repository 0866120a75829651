using MetalFests.Gateway.Routing;
using MetalFests.ServiceDefaults;

namespace MetalFests.Tests.Platform;

/// <summary>Deployed without the gateway, the route table still says which service answers each path, the cache admin paths included.</summary>
public sealed class DeployedRouteTests
{
    [Fact]
    public void The_cache_admin_paths_go_to_the_festivals_service_when_deployed()
    {
        Assert.Contains((ServiceNames.Festivals, "/api/admin/cache"), RouteTable.DeployedPrefixes);
    }

    [Fact]
    public void Every_proxied_prefix_goes_to_the_service_the_gateway_sends_it_to()
    {
        var proxied = RouteTable.Routes.Where(r => r.Match.Path!.EndsWith("/{**rest}", StringComparison.Ordinal))
            .Select(r => (r.ClusterId!, r.Match.Path![..^"/{**rest}".Length]));

        Assert.Equal(proxied.Order(), RouteTable.DeployedPrefixes.Where(p => p.Prefix != "/api/admin/cache").Order());
    }
}
