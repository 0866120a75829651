using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MetalFests.Storage;

/// <summary>A span around each DynamoDB call, and a counter of calls per operation (the benchmarks read it).</summary>
public static class StorageTelemetry
{
    public const string Name = "MetalFests.Storage";
    public static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);
    public static readonly Counter<long> Requests = Meter.CreateCounter<long>("metalfests.dynamodb.requests", description: "DynamoDB requests made");

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> Totals = new();

    /// <summary>DynamoDB requests made by this process since it started, per operation.</summary>
    public static IReadOnlyDictionary<string, long> RequestTotals() => new SortedDictionary<string, long>(Totals);

    public static Activity? Start(string operation, string table)
    {
        Requests.Add(1, new KeyValuePair<string, object?>("operation", operation));
        Totals.AddOrUpdate(operation, 1, (_, n) => n + 1);
        var activity = Source.StartActivity($"DynamoDB {operation}", ActivityKind.Client);
        activity?.SetTag("db.system", "dynamodb");
        activity?.SetTag("db.operation", operation);
        activity?.SetTag("aws.dynamodb.table_names", table);
        return activity;
    }
}
