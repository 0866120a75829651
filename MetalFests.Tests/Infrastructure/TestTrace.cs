using System.Diagnostics;

namespace MetalFests.Tests.Infrastructure;

/// <summary>
/// A trace of the test's own, current while it lives: requests sent meanwhile carry its trace id,
/// whatever writes their <c>traceparent</c> header (HttpClient itself, or OpenTelemetry once an
/// in-process gateway test has started it in this process). A header set by hand would be joined by
/// a second one then, and the service would start a trace of its own.
/// </summary>
public sealed class TestTrace : IDisposable
{
    private readonly Activity _activity;

    private TestTrace(string name)
    {
        _activity = new Activity(name)
            .SetParentId(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded)
            .Start();
    }

    public string Id => _activity.TraceId.ToHexString();

    public static TestTrace Start(string name) => new(name);

    public void Dispose() => _activity.Dispose();
}
