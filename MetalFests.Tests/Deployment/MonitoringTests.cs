
namespace MetalFests.Tests.Deployment;

/// <summary>The seed's alarms (5xx rate, p99 latency, function errors and throttles, DynamoDB throttles) and a latency/error dashboard.</summary>
[Collection(DeploymentCollection.Name)]
public sealed class MonitoringTests(SynthesizedApp app)
{
    /// <summary>The metric each alarm watches (its own, or the single metric of its metric list), with its statistic.</summary>
    private IEnumerable<string> AlarmMetrics(string? statistic = null) => app.Resources("AWS::CloudWatch::Alarm")
        .Select(a => a.Resource["Properties"]!)
        .Select(p => p["MetricName"] is not null
            ? (Name: p["MetricName"]!.GetValue<string>(), Stat: (p["Statistic"] ?? p["ExtendedStatistic"])!.GetValue<string>())
            : p["Metrics"]!.AsArray().Count == 1 && p["Metrics"]![0]!["MetricStat"] is { } stat
                ? (Name: stat["Metric"]!["MetricName"]!.GetValue<string>(), Stat: stat["Stat"]!.GetValue<string>())
                : (Name: "", Stat: ""))
        .Where(m => statistic is null || m.Stat == statistic)
        .Select(m => m.Name);

    [Fact]
    public void ApiErrorRateAndP99LatencyRaiseAlarms()
    {
        Assert.Contains("5XXError", AlarmMetrics("Average"));
        Assert.Contains("Latency", AlarmMetrics("p99"));
    }

    [Fact]
    public void EachFunctionsErrorsAndThrottlesRaiseAlarms()
    {
        Assert.Equal(2, AlarmMetrics().Count(m => m == "Errors"));
        Assert.Equal(2, AlarmMetrics().Count(m => m == "Throttles"));
    }

    [Fact]
    public void TableThrottlesRaiseAnAlarm()
    {
        var metrics = app.Resources("AWS::CloudWatch::Alarm")
            .Where(a => a.Resource["Properties"]!["Metrics"] is not null)
            .SelectMany(a => a.Resource["Properties"]!["Metrics"]!.AsArray())
            .Select(m => m!["MetricStat"]?["Metric"]?["MetricName"]?.GetValue<string>());
        Assert.Contains("ReadThrottleEvents", metrics);
        Assert.Contains("WriteThrottleEvents", metrics);
    }

    [Fact]
    public void DashboardShowsLatencyPercentilesAndErrorRate()
    {
        var body = app.Resources("AWS::CloudWatch::Dashboard").Single().Resource["Properties"]!["DashboardBody"]!.ToJsonString();
        foreach (var expected in new[] { "p50", "p90", "p99", "5XXError" })
        {
            Assert.Contains(expected, body);
        }
        app.Main.ResourceCountIs("AWS::CloudWatch::Dashboard", 1);
    }
}
