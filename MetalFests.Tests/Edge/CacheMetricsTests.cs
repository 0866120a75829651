using System.Diagnostics.Metrics;
using MetalFests.Gateway;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using static MetalFests.Tests.Edge.EdgeOverFakeOrigin;

namespace MetalFests.Tests.Edge;

/// <summary>The dashboard's cache figures: every cacheable request counted once, by the outcome its <c>X-Cache</c> names.</summary>
public sealed class CacheMetricsTests
{
    [Fact]
    public async Task Every_cacheable_request_counts_once_by_its_outcome()
    {
        await using var edge = await StartAsync();
        var meters = edge.Gateway.Services.GetRequiredService<IMeterFactory>();
        using var lookups = new MetricCollector<long>(meters, EdgeMetrics.MeterName, EdgeMetrics.Lookups);
        using var ratio = new MetricCollector<double>(meters, EdgeMetrics.MeterName, "metalfests.cache.hit_ratio");

        var outcomes = new List<string?>();
        foreach (var page in new[] { "/api/genres", "/api/genres", "/api/roles", "/api/genres" })
        {
            using var response = await edge.Client.GetAsync(page);
            outcomes.Add(CacheStatus(response));
        }
        lookups.RecordObservableInstruments();
        ratio.RecordObservableInstruments();

        Assert.Equal(["Miss", "Hit", "Miss", "Hit"], outcomes);
        var counts = lookups.GetMeasurementSnapshot().ToDictionary(m => (string)m.Tags["outcome"]!, m => m.Value);
        Assert.Equal(new Dictionary<string, long> { ["Hit"] = 2, ["Miss"] = 2, ["Stale"] = 0 }, counts);
        Assert.Equal(0.5, ratio.LastMeasurement?.Value);
    }
}
