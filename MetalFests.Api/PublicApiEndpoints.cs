using MetalFests.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

public static class PublicApiEndpoints
{
    /// <summary>The service's OpenAPI document, at <c>/openapi/v1.json</c> (the gateway publishes it under the service's name).</summary>
    public const string OpenApiPath = "/openapi/v1.json";

    /// <summary>Internal (not routed by the gateway): DynamoDB requests this process has made, for the benchmarks.</summary>
    public const string DynamoDbRequestsPath = "/internal/dynamodb-requests";

    public static WebApplication MapPublicApiDocuments(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapGet(DynamoDbRequestsPath, () => TypedResults.Ok(StorageTelemetry.RequestTotals()))
            .ExcludeFromDescription();
        return app;
    }
}
