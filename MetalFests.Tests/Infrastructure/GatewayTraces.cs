using System.Collections.Concurrent;
using System.Diagnostics;
using OpenTelemetry;

namespace MetalFests.Tests.Infrastructure;

/// <summary>
/// What an in-process gateway traced: every span its OpenTelemetry SDK started (a processor's start
/// callback) and every span its exporter took (OpenTelemetry's in-memory exporter, the real export path).
/// </summary>
public sealed class GatewayTraces
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private readonly ConcurrentQueue<Activity> _started = new();
    private readonly List<Activity> _exported = [];

    /// <summary>The exporter's collection; read it through <see cref="ServerSpansAsync"/>, once the spans have ended.</summary>
    public ICollection<Activity> ExportTarget => _exported;

    public BaseProcessor<Activity> StartRecorder => new Starts(_started);

    /// <summary>
    /// The gateway's exported server spans of <paramref name="path"/> (not those of an origin in the same
    /// process, children of the gateway's client spans), once every span started so far has ended
    /// (bounded), and a moment more: a span is exported during its end, just after it reads as ended.
    /// </summary>
    public async Task<IReadOnlyList<Activity>> ServerSpansAsync(string path)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (_started.Any(activity => !activity.IsStopped))
        {
            Assert.True(DateTime.UtcNow < deadline, $"spans still open after {Bound.TotalSeconds} s");
            await Task.Delay(20);
        }
        await Task.Delay(200);
        var calls = _started.Where(a => a.Kind == ActivityKind.Client).Select(a => a.SpanId).ToHashSet();
        return [.. _exported.ToArray().Where(a => a.Kind == ActivityKind.Server && (a.GetTagItem("url.path") as string) == path && !calls.Contains(a.ParentSpanId))];
    }

    private sealed class Starts(ConcurrentQueue<Activity> started) : BaseProcessor<Activity>
    {
        public override void OnStart(Activity data) => started.Enqueue(data);
    }
}
