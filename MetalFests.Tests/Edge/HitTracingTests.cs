using System.Diagnostics;
using static MetalFests.Tests.Edge.EdgeOverFakeOrigin;

namespace MetalFests.Tests.Edge;

/// <summary>
/// The edge traces what reaches the origin, not its cache hits (CloudFront's hits never reach the origin's
/// tracing): a hit is counted only, unless the client's own sampled <c>traceparent</c> asks for it.
/// Every request is sampled here (the in-process gateway's default ratio, 1). Each test reads a page of its own:
/// every gateway in the process sees every request's span (ActivitySource listeners are process-wide).
/// </summary>
public sealed class HitTracingTests
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
    public async Task A_miss_continues_the_clients_trace_through_the_edge_to_the_service()
    {
        await using var edge = await StartAsync();
        var traceId = ActivityTraceId.CreateRandom();
        var clientSpan = ActivitySpanId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Get, _page + "?limit=7");
        request.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{clientSpan.ToHexString()}-01");
        Activity.Current = null;

        using var miss = await edge.Client.SendAsync(request);

        Assert.Equal("Miss", CacheStatus(miss));
        var span = Assert.Single(await edge.Gateway.Traces.ServerSpansAsync(_page));
        Assert.Equal(traceId, span.TraceId);
        Assert.Equal(clientSpan, span.ParentSpanId);
        Assert.Equal("GET", span.GetTagItem("http.request.method"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        // As OpenTelemetry's instrumentation records queries: names, never values.
        Assert.Equal("limit=Redacted", span.GetTagItem("url.query"));
        // W3C trace context: version-traceid-parentid-flags; the service's parent is a span of the edge's, in the client's trace.
        var atOrigin = Assert.Single(edge.Origin.TraceParents)!.Split('-');
        Assert.Equal(traceId.ToHexString(), atOrigin[1]);
        Assert.NotEqual(clientSpan.ToHexString(), atOrigin[2]);
        Assert.Equal("01", atOrigin[3]);
    }
}
