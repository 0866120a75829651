using MetalFests.Api.Http;
using MetalFests.ServiceDefaults;
using MetalFests.Storage;
using MetalFests.Storage.Reads;
using Microsoft.AspNetCore.Http;

namespace Microsoft.AspNetCore.Builder;

public static class PublicApiEndpoints
{
    public static WebApplication MapPublicApiDocuments(this WebApplication app)
    {
        app.MapOpenApi(ServicePaths.OpenApiDocumentPattern);
        app.MapGet(ServicePaths.DynamoDbRequests, () => TypedResults.Ok(StorageTelemetry.RequestTotals()))
            .ExcludeFromDescription();
        app.MapGet(ServicePaths.DynamoDbCapacity, () => TypedResults.Ok(StorageTelemetry.CapacityTotals()))
            .ExcludeFromDescription();
        app.MapGet(ServicePaths.Memory, (PartitionCache memory) =>
            {
                var heap = GC.GetTotalMemory(forceFullCollection: true);
                return TypedResults.Ok(new MemoryUse(heap, Environment.WorkingSet, memory.Count));
            })
            .ExcludeFromDescription();
        return app;
    }
}

