using System.Net;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.Platform;

[Collection(AppCollection.Name)]
public sealed class TracingTests(AppFixture fixture)
{
    [Fact]
    public async Task A_request_keeps_one_trace_from_the_gateway_into_the_service()
    {
        using var trace = TestTrace.Start("tracing-test");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/festivals/no-such-festival-{Guid.NewGuid():N}");

        using var response = await fixture.Gateway.SendAsync(request);

        // The 404 comes from the festivals service; its request id is the trace id the gateway carried on.
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var error = await Envelope.ReadAsync(response);
        Assert.Equal("Festival", error.GetProperty("details").GetProperty("resource").GetString());
        Assert.Equal(trace.Id, error.GetProperty("requestId").GetString());
    }
}
