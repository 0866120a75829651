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
    /// process, children of the gateway's client spans), once every span started for that path has ended
    /// (bounded), and a moment more: a span is exported during its end, just after it reads as ended. Only
    /// that path's spans are awaited: every in-process gateway sees every span of the process, and another
    /// test's may stay open (a held origin read).
    /// </summary>
    public async Task<IReadOnlyList<Activity>> ServerSpansAsync(string path)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (_started.Any(activity => Concerns(activity, path) && !activity.IsStopped))
        {
            Assert.True(DateTime.UtcNow < deadline, $"spans still open after {Bound.TotalSeconds} s");
            await Task.Delay(20);
        }
        await Task.Delay(200);
        var calls = _started.Where(a => a.Kind == ActivityKind.Client && Concerns(a, path)).Select(a => a.SpanId).ToHashSet();
        return [.. _exported.ToArray().Where(a => a.Kind == ActivityKind.Server && Concerns(a, path) && !calls.Contains(a.ParentSpanId))];
    }

    /// <summary>A server span of the path (<c>url.path</c>) or a call to it (<c>url.full</c>).</summary>
    private static bool Concerns(Activity activity, string path) =>
        activity.GetTagItem("url.path") as string == path
        || (activity.GetTagItem("url.full") as string)?.EndsWith(path, StringComparison.Ordinal) == true;

    private sealed class Starts(ConcurrentQueue<Activity> started) : BaseProcessor<Activity>
    {
        public override void OnStart(Activity data) => started.Enqueue(data);
    }
}
