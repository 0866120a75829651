using System.Net;
using static MetalFests.Tests.Edge.EdgeOverFakeOrigin;

namespace MetalFests.Tests.Edge;

/// <summary>Misses collapsed onto one origin request do not fail when the caller that made it goes away.</summary>
public sealed class CollapsedMissTests
{
    [Fact]
    public async Task A_waiter_gets_the_page_when_the_first_caller_disconnects()
    {
        await using var edge = await StartAsync();
        edge.Origin.Hold();
        using var leaving = new CancellationTokenSource();
        var first = edge.Client.GetAsync("/api/genres", leaving.Token);
        await edge.Origin.Arrived.WaitAsync();
        var waiter = edge.Client.GetAsync("/api/genres");
        while (edge.Cache.WaitersOn("/api/genres") == 0)
        {
            await Task.Yield();
        }

        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        edge.Origin.Release();
        using var response = await waiter;

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal(edge.Origin.Body, await response.Content.ReadAsStringAsync());
    }
}
