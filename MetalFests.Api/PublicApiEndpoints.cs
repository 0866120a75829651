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
        return app;
    }
}
