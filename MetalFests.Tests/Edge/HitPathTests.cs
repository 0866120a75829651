using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static MetalFests.Tests.Edge.EdgeOverFakeOrigin;

namespace MetalFests.Tests.Edge;

/// <summary>What keeps a cache hit cheap that no response shows.</summary>
public sealed class HitPathTests
{
    /// <summary>
    /// With an <see cref="IHttpContextAccessor"/> registered, ASP.NET Core's hosting gives every request a new
    /// HttpContext (request, response, connection info, an async-local) instead of reusing the connection's:
    /// nine tenths of what a hit allocated (bench/edge-cache.sh, dotnet-trace).
    /// </summary>
    [Fact]
    public async Task The_edge_registers_no_HttpContextAccessor_so_hosting_reuses_each_connections_context()
    {
        await using var edge = await StartAsync();

        Assert.Null(edge.Gateway.Services.GetService<IHttpContextAccessor>());
    }
}
