using MetalFests.Api.Http;
using MetalFests.ServiceDefaults;
using MetalFests.Storage;
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
        app.MapGet(ServicePaths.Memory, () => TypedResults.Ok(new MemoryUse(GC.GetTotalMemory(forceFullCollection: true), Environment.WorkingSet)))
            .ExcludeFromDescription();
        return app;
    }
}

