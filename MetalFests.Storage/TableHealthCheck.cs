using Amazon.DynamoDBv2;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace MetalFests.Storage;

/// <summary>Ready only when the table answers: a stopped database makes <c>/health</c> unhealthy.</summary>
public sealed class TableHealthCheck(IAmazonDynamoDB client, IOptions<StorageOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var table = options.Value.TableName;
        try
        {
            using var activity = StorageTelemetry.Start("DescribeTable", table);
            var response = await client.DescribeTableAsync(table, cancellationToken);
            return response.Table.TableStatus == TableStatus.ACTIVE
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"Table {table} is {response.Table.TableStatus}");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"Table {table} is unreachable", e);
        }
    }
}
