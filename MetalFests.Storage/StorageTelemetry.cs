using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Amazon.DynamoDBv2.Model;

namespace MetalFests.Storage;

/// <summary>
/// A span around each DynamoDB call, a counter of calls per operation, and the read capacity DynamoDB
/// reports it consumed (<c>ReturnConsumedCapacity</c>), per operation and per HTTP request (the benchmarks read both).
/// </summary>
public static class StorageTelemetry
{
    public const string Name = "MetalFests.Storage";
    public static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);
    public static readonly Counter<long> Requests = Meter.CreateCounter<long>("metalfests.dynamodb.requests", description: "DynamoDB requests made");

    public static readonly Counter<double> ReadCapacity = Meter.CreateCounter<double>(
        "metalfests.dynamodb.read_capacity", unit: "{RCU}", description: "Read capacity units DynamoDB reported consumed");

    public static readonly Histogram<double> ReadCapacityPerRequest = Meter.CreateHistogram<double>(
        "metalfests.dynamodb.read_capacity_per_request", unit: "{RCU}", description: "Read capacity units one HTTP request consumed, by route");

    private static readonly ConcurrentDictionary<string, long> Totals = new();
    private static readonly ConcurrentDictionary<string, RouteCapacity> RouteTotals = new();
    private static readonly AsyncLocal<RequestCapacity?> Current = new();

    /// <summary>DynamoDB requests made by this process since it started, per operation.</summary>
    public static IReadOnlyDictionary<string, long> RequestTotals() => new SortedDictionary<string, long>(Totals);

    /// <summary>Per route: HTTP requests answered and the read capacity they consumed, since the process started.</summary>
    public static IReadOnlyDictionary<string, RouteCapacityTotal> CapacityTotals() =>
        new SortedDictionary<string, RouteCapacityTotal>(RouteTotals.ToDictionary(r => r.Key, r => r.Value.Total()), StringComparer.Ordinal);

    /// <summary>
    /// What the readiness reads of the load marker (<see cref="TableReadiness"/>) are counted as: GetItems made on a
    /// timer and by health checks rather than by the request that happens to trigger them, so counted apart from the
    /// requests' own reads (as a benchmark or a test counting a request's reads needs).
    /// </summary>
    public const string ReadinessCheck = "GetItem (readiness)";

    /// <param name="countedAs">The key the request is counted under (default: <paramref name="operation"/>).</param>
    public static Activity? Start(string operation, string table, string? countedAs = null)
    {
        var counted = countedAs ?? operation;
        Requests.Add(1, new KeyValuePair<string, object?>("operation", counted));
        Totals.AddOrUpdate(counted, 1, (_, n) => n + 1);
        var activity = Source.StartActivity($"DynamoDB {operation}", ActivityKind.Client);
        activity?.SetTag("db.system", "dynamodb");
        activity?.SetTag("db.operation", operation);
        activity?.SetTag("aws.dynamodb.table_names", table);
        return activity;
    }

    /// <summary>Counts what a read reported it consumed (reads ask with <c>ReturnConsumedCapacity=TOTAL</c>).</summary>
    public static void Consumed(string operation, Activity? activity, IEnumerable<ConsumedCapacity?>? capacities)
    {
        var units = capacities?.Sum(c => c?.CapacityUnits ?? 0) ?? 0;
        if (units <= 0)
        {
            return;
        }
        ReadCapacity.Add(units, new KeyValuePair<string, object?>("operation", operation));
        activity?.SetTag("aws.dynamodb.consumed_capacity", units);
        Current.Value?.Add(units);
    }

    /// <summary>
    /// Starts counting the read capacity of one HTTP request (everything awaited below the caller);
    /// disposing the scope records it under <paramref name="route"/>.
    /// </summary>
    public static RequestCapacity BeginRequest(Func<string?> route) => Current.Value = new RequestCapacity(route);

    public sealed class RequestCapacity(Func<string?> route) : IDisposable
    {
        private double _units;

        internal void Add(double units)
        {
            lock (this)
            {
                _units += units;
            }
        }

        public void Dispose()
        {
            Current.Value = null;
            if (route() is not { } name)
            {
                return;
            }
            ReadCapacityPerRequest.Record(_units, new KeyValuePair<string, object?>("http.route", name));
            RouteTotals.GetOrAdd(name, _ => new RouteCapacity()).Add(_units);
        }
    }

    private sealed class RouteCapacity
    {
        private long _requests;
        private double _units;

        public void Add(double units)
        {
            lock (this)
            {
                _requests++;
                _units += units;
            }
        }

        public RouteCapacityTotal Total()
        {
            lock (this)
            {
                return new RouteCapacityTotal(_requests, _units);
            }
        }
    }
}

/// <summary>HTTP requests answered on a route and the DynamoDB read capacity units they consumed together.</summary>
public sealed record RouteCapacityTotal(long Requests, double ReadCapacityUnits);
