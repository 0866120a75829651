namespace MetalFests.ServiceDefaults;

/// <summary>Paths every service answers beside its API; the gateway routes none of them as they are.</summary>
public static class ServicePaths
{
    /// <summary>Ready: every check passes, the database's included.</summary>
    public const string Ready = "/health";

    /// <summary>Alive: the process answers.</summary>
    public const string Alive = "/alive";

    /// <summary>A readiness or liveness probe: never traced (probes would drown the traces of real requests).</summary>
    public static bool IsHealthProbe(Microsoft.AspNetCore.Http.PathString path) => path.StartsWithSegments(Ready) || path.StartsWithSegments(Alive);

    /// <summary>The service's OpenAPI document (the gateway publishes it as <c>/openapi/{service}.json</c>).</summary>
    public const string OpenApiDocument = "/openapi/v1.json";

    /// <summary>Where the service serves each of its OpenAPI documents (one per API version: <c>v1</c>, <c>v2</c>).</summary>
    public const string OpenApiDocumentPattern = "/openapi/{documentName}.json";

    public static string OpenApiDocumentOf(string documentName) => OpenApiDocumentPattern.Replace("{documentName}", documentName);

    /// <summary>DynamoDB requests the process has made, per operation: what the benchmarks count.</summary>
    public const string DynamoDbRequests = "/internal/dynamodb-requests";

    /// <summary>Per route: requests answered and the DynamoDB read capacity they consumed (what the benchmarks count).</summary>
    public const string DynamoDbCapacity = "/internal/dynamodb-capacity";

    /// <summary>The process's managed heap after a full collection, and its working set (what the benchmarks report).</summary>
    public const string Memory = "/internal/memory";
}
