using MetalFests.Gateway.Caching;
using MetalFests.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MetalFests.Tests.Edge;

/// <summary>The real gateway in-process (fake clock) in front of a <see cref="FakeOrigin"/> the test controls.</summary>
public sealed class EdgeOverFakeOrigin : IAsyncDisposable
{
    private EdgeOverFakeOrigin(FakeOrigin origin, InProcessGateway gateway)
    {
        Origin = origin;
        Gateway = gateway;
        Client = gateway.CreateClient();
    }

    public FakeOrigin Origin { get; }
    public InProcessGateway Gateway { get; }
    public HttpClient Client { get; }
    public EdgeCache Cache => Gateway.Services.GetRequiredService<EdgeCache>();

    public static async Task<EdgeOverFakeOrigin> StartAsync(params (string Key, string Value)[] settings)
    {
        var origin = await FakeOrigin.StartAsync();
        var all = origin.Services();
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }
        return new EdgeOverFakeOrigin(origin, new InProcessGateway(all));
    }

    public static string? CacheStatus(HttpResponseMessage response) =>
        response.Headers.TryGetValues(CachedResponseWriter.CacheStatusHeader, out var values) ? values.Single() : null;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Gateway.DisposeAsync();
        await Origin.DisposeAsync();
    }
}
