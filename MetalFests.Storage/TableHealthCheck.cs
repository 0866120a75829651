using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MetalFests.Storage;

/// <summary>
/// Ready only when the table answers and is loaded (<see cref="TableReadiness"/>): a stopped database, a missing table
/// and a table the migrator has not finished loading each make <c>/health</c> unhealthy.
/// </summary>
public sealed class TableHealthCheck(TableReadiness readiness, MetalFestsTable table) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await readiness.CheckAsync(cancellationToken) switch
            {
                { IsLoaded: true } => HealthCheckResult.Healthy(),
                null => HealthCheckResult.Unhealthy($"Table {table.Name} is not loaded: it holds no load marker (the migrator has not loaded it)"),
                var marker => HealthCheckResult.Unhealthy($"Table {table.Name} is not loaded yet: {marker}"),
            };
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"Table {table.Name} is unreachable or missing", e);
        }
    }
}
