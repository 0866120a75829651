#:package Microsoft.Diagnostics.Tracing.TraceEvent@3.2.8
#:property PublishAot=false
#:property ManagePackageVersionsCentrally=false
// What a process allocates, by type and by the application frames above it: the GC's AllocationTick
// events (one per ~100 KB) of a trace made with `dotnet-trace collect --clrevents gc --clreventlevel verbose`.
// Usage: AllocStacks <trace.nettrace> [types to show, default 12]
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Etlx;

var top = args.Length > 1 ? int.Parse(args[1]) : 12;
using var log = TraceLog.OpenOrConvert(TraceLog.CreateFromEventPipeDataFile(args[0]));
var byType = new Dictionary<string, (long Bytes, Dictionary<string, long> Stacks)>();
long total = 0;
foreach (var e in log.Events)
{
    if (e.EventName != "GC/AllocationTick")
    {
        continue;
    }
    var type = e.PayloadByName("TypeName") as string ?? "?";
    var bytes = Convert.ToInt64(e.PayloadByName("AllocationAmount64") ?? e.PayloadByName("AllocationAmount"));
    total += bytes;
    var frames = new List<string>();
    for (var s = e.CallStack(); s is not null && frames.Count < 6; s = s.Caller)
    {
        var name = s.CodeAddress.FullMethodName;
        if (!string.IsNullOrEmpty(name) && !name.StartsWith("System.Runtime.CompilerServices", StringComparison.Ordinal))
        {
            frames.Add(name.Length > 110 ? name[..110] : name);
        }
    }
    var stack = string.Join("\n      <- ", frames);
    var entry = byType.TryGetValue(type, out var found) ? found : (0, new Dictionary<string, long>());
    entry.Stacks[stack] = entry.Stacks.GetValueOrDefault(stack) + bytes;
    byType[type] = (entry.Bytes + bytes, entry.Stacks);
}
Console.WriteLine($"sampled allocations: {total / 1e6:F1} MB");
foreach (var (type, (bytes, stacks)) in byType.OrderByDescending(t => t.Value.Bytes).Take(top))
{
    Console.WriteLine($"{100.0 * bytes / total,5:F1}%  {type}");
    foreach (var (stack, b) in stacks.OrderByDescending(s => s.Value).Take(2))
    {
        Console.WriteLine($"   {100.0 * b / total,5:F1}%  {stack}");
    }
}
