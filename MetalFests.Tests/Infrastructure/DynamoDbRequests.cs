using System.Net.Http.Json;
using MetalFests.ServiceDefaults;
using MetalFests.Storage;

namespace MetalFests.Tests.Infrastructure;

/// <summary>How many DynamoDB requests a service has made: every origin read makes at least one.</summary>
public static class DynamoDbRequests
{
    public static async Task<long> CountAsync(AppFixture fixture, string service)
    {
        using var client = fixture.Service(service);
        var totals = await client.GetFromJsonAsync<Dictionary<string, long>>(ServicePaths.DynamoDbRequests);
        // The load-marker reads (readiness: health checks, and at most one a second before a request) are no request's own.
        return totals!.Where(t => t.Key is not StorageTelemetry.ReadinessCheck).Sum(t => t.Value);
    }
}
