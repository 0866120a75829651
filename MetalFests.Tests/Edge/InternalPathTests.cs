using System.Net;
using MetalFests.ServiceDefaults;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.Edge;

/// <summary>A service's <c>/internal/*</c> diagnostics answer on its own port only, never through the gateway.</summary>
[Collection(AppCollection.Name)]
public sealed class InternalPathTests(AppFixture fixture)
{
    [Theory]
    [InlineData(ServiceNames.Festivals)]
    [InlineData(ServiceNames.Catalog)]
    public async Task Diagnostics_answer_on_the_service_port_and_404_through_the_gateway(string service)
    {
        using var direct = fixture.Service(service);

        using var own = await direct.GetAsync(ServicePaths.DynamoDbRequests);
        using var viaGateway = await fixture.Gateway.GetAsync(ServicePaths.DynamoDbRequests);
        using var viaApi = await fixture.Gateway.GetAsync("/api" + ServicePaths.DynamoDbRequests);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, viaGateway.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, viaApi.StatusCode);
        Assert.DoesNotContain("Scan", await viaGateway.Content.ReadAsStringAsync());
    }
}
