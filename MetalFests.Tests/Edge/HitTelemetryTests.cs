using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using static MetalFests.Tests.Edge.EdgeOverFakeOrigin;

namespace MetalFests.Tests.Edge;

/// <summary>
/// The edge traces and times what reaches the origin, not its cache hits (CloudFront's hits never reach the
/// origin's tracing): a hit is counted only, unless the client's own sampled <c>traceparent</c> asks for its span.
/// Every request is sampled here (the in-process gateway's default ratio, 1). Each test reads a page of its own:
/// every gateway in the process sees every request's span (ActivitySource listeners are process-wide).
/// </summary>
public sealed class HitTelemetryTests
{
    private readonly string _page = $"/api/genres/tracing-{Guid.NewGuid():N}";

    [Fact]
    public async Task A_miss_is_traced_and_a_hit_of_the_same_page_is_not()
    {
        await using var edge = await StartAsync();
        using (var miss = await edge.Client.GetAsync(_page))
        {
            Assert.Equal("Miss", CacheStatus(miss));
        }
        // The test server carries the caller's current activity (here, the miss's) over as a traceparent; a browser sends none.
        Activity.Current = null;
        using (var hit = await edge.Client.GetAsync(_page))
        {
            Assert.Equal("Hit", CacheStatus(hit));
        }

        var spans = await edge.Gateway.Traces.ServerSpansAsync(_page);

        Assert.Single(spans);
        Assert.Equal(_page, Assert.Single(edge.Origin.Reads));
    }

    [Fact]
    public async Task A_hit_the_client_traces_stays_in_its_trace()
    {
        await using var edge = await StartAsync();
        (await edge.Client.GetAsync(_page)).Dispose();
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Get, _page);
        request.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        using var hit = await edge.Client.SendAsync(request);

        Assert.Equal("Hit", CacheStatus(hit));
        var spans = await edge.Gateway.Traces.ServerSpansAsync(_page);
        Assert.Equal(2, spans.Count);
        Assert.Contains(spans, span => span.TraceId == traceId);
    }

    [Fact]
    public async Task A_miss_is_timed_and_a_hit_is_not()
    {
        await using var edge = await StartAsync();
        // OpenTelemetry's semantic conventions: ASP.NET Core's hosting meter and its request-duration histogram.
        using var durations = new MetricCollector<double>(edge.Gateway.Services.GetRequiredService<IMeterFactory>(), "Microsoft.AspNetCore.Hosting", "http.server.request.duration");
        var bound = TimeSpan.FromSeconds(10);

        var miss = await CacheStatusOfAsync(edge, _page);
        await durations.WaitForMeasurementsAsync(1, bound);
        var hit = await CacheStatusOfAsync(edge, _page);
        // Hosting times a request as it ends: once a later miss is timed, the hit before it would have been.
        var otherMiss = await CacheStatusOfAsync(edge, _page + "-other");
        await durations.WaitForMeasurementsAsync(2, bound);

        Assert.Equal(("Miss", "Hit", "Miss"), (miss, hit, otherMiss));
        var timed = durations.GetMeasurementSnapshot();
        Assert.Equal(2, timed.Count);
        Assert.All(timed, m => Assert.Equal(200, Convert.ToInt32(m.Tags["http.response.status_code"])));
    }

    private static async Task<string?> CacheStatusOfAsync(EdgeOverFakeOrigin edge, string page)
    {
        using var response = await edge.Client.GetAsync(page);
        return CacheStatus(response);
    }
}
