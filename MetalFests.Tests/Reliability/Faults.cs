using System.Diagnostics;
using System.Globalization;
using System.Net;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using MetalFests.ServiceDefaults;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.Reliability;

/// <summary>
/// Faults done to the writes instance's resources: Aspire's own stop/start/restart commands, and signals
/// to the processes behind a resource (frozen, resumed, killed). Every wait is on a condition, bounded.
/// </summary>
public sealed class Faults(AppFixture fixture)
{
    /// <summary>The resource snapshot property holding a process id (Aspire's <c>KnownProperties.Executable.Pid</c>, not public).</summary>
    private const string PidProperty = "executable.pid";

    /// <summary>How long any one recovery may take: a restart, a reload of db.json under load.</summary>
    public static readonly TimeSpan RecoveryBound = TimeSpan.FromMinutes(3);

    public async Task CommandAsync(string resource, string command, CancellationToken cancellationToken)
    {
        var result = await fixture.App.ResourceCommands.ExecuteCommandAsync(resource, command, cancellationToken);
        Assert.True(result.Success, $"{command} {resource}: {result.Message}");
    }

    /// <summary>The id of the process the orchestrator started for <paramref name="resource"/>.</summary>
    public int ProcessId(string resource)
    {
        Assert.True(fixture.App.ResourceNotifications.TryGetCurrentState(resource, out var state), $"no state for {resource}");
        var pid = ProcessIdOf(state.Snapshot);
        Assert.NotNull(pid);
        return pid.Value;
    }

    private static int? ProcessIdOf(CustomResourceSnapshot snapshot) =>
        snapshot.Properties.FirstOrDefault(p => p.Name == PidProperty)?.Value is { } pid ? Convert.ToInt32(pid, CultureInfo.InvariantCulture) : null;

    /// <summary>
    /// Restarts a project as an operator would: SIGTERM (a graceful shutdown), then Aspire's start command, and waits
    /// until a new process is healthy. Not Aspire's restart command: its stop signals the <c>dotnet run</c> host, which
    /// on Linux does not pass it on to the application, and the stop times out (seen with Aspire 13.6.5, SDK 10.0.401).
    /// </summary>
    public async Task RestartAsync(string resource, CancellationToken cancellationToken)
    {
        var before = ProcessId(resource);
        Signal(resource, "TERM");
        await StoppedAsync(resource, cancellationToken);
        await CommandAsync(resource, KnownResourceCommands.StartCommand, cancellationToken);
        await fixture.App.ResourceNotifications.WaitForResourceAsync(resource,
            e => e.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy && ProcessIdOf(e.Snapshot) is { } pid && pid != before,
            cancellationToken);
    }

    /// <summary>Waits until the orchestrator sees the resource's process gone.</summary>
    public Task StoppedAsync(string resource, CancellationToken cancellationToken) =>
        fixture.App.ResourceNotifications.WaitForResourceAsync(resource, e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), cancellationToken);

    /// <summary>Stops every process of the resource where it stands (SIGSTOP): it holds its connections and answers nothing.</summary>
    public void Freeze(string resource) => Signal(resource, "STOP");

    public void Resume(string resource) => Signal(resource, "CONT");

    /// <summary>Kills the resource's processes outright (SIGKILL): no shutdown, requests in flight are cut.</summary>
    public void Kill(string resource) => Signal(resource, "KILL");

    /// <summary>
    /// Signals the resource's process and its descendants (a project may run under a <c>dotnet</c> host whose
    /// child serves), children first so that a parent never sees a child change state before it is told itself.
    /// </summary>
    private void Signal(string resource, string signal)
    {
        var tree = ProcessTree(ProcessId(resource));
        using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{signal}", .. tree.AsEnumerable().Reverse().Select(p => p.ToString(CultureInfo.InvariantCulture))])
        {
            RedirectStandardError = true,
        })!;
        kill.WaitForExit();
        Assert.True(kill.ExitCode == 0, $"kill -{signal} {string.Join(' ', tree)}: {kill.StandardError.ReadToEnd()}");
    }

    /// <summary>The process and all its descendants, parents first (from /proc).</summary>
    private static List<int> ProcessTree(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid))
            {
                try
                {
                    // "pid (comm) state ppid ...": comm may hold spaces, so read after its closing parenthesis.
                    var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                    parents[pid] = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
                }
                catch (IOException)
                {
                    // The process ended while listed.
                }
            }
        }
        var tree = new List<int> { root };
        for (var i = 0; i < tree.Count; i++)
        {
            tree.AddRange(parents.Where(p => p.Value == tree[i]).Select(p => p.Key));
        }
        return tree;
    }

    /// <summary>
    /// Whether bytes wait unread in the resource's processes: a connection in a listening socket's accept queue, or a
    /// request on an accepted connection (Linux's /proc/net/tcp: rx_queue is both). With the process frozen, that is a
    /// request in flight inside it.
    /// </summary>
    public bool HasUnreadRequests(string resource)
    {
        var sockets = new HashSet<string>();
        foreach (var pid in ProcessTree(ProcessId(resource)))
        {
            foreach (var fd in Directory.EnumerateFiles($"/proc/{pid}/fd"))
            {
                if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith("socket:[", StringComparison.Ordinal))
                {
                    sockets.Add(target["socket:[".Length..^1]);
                }
            }
        }
        return new[] { "/proc/net/tcp", "/proc/net/tcp6" }.Where(File.Exists).SelectMany(File.ReadLines)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Any(columns => columns.Length > 9 && sockets.Contains(columns[9])
                && Convert.ToInt64(columns[4].Split(':')[1], 16) > 0);
    }

    /// <summary>Waits until the resource is healthy again (Aspire's view: its health checks pass).</summary>
    public Task HealthyAsync(string resource, CancellationToken cancellationToken) => fixture.WaitHealthyAsync(resource, cancellationToken);

    /// <summary>
    /// DynamoDB Local runs in memory: after a stop it starts empty, and the migrator (as at start-up) creates
    /// the table and loads db.json. Waits for that run of the migrator to finish, then for both services' /health.
    /// </summary>
    public async Task RestartDatabaseAsync(CancellationToken cancellationToken)
    {
        await CommandAsync(ServiceNames.Database, KnownResourceCommands.StartCommand, cancellationToken);
        await HealthyAsync(ServiceNames.Database, cancellationToken);
        fixture.App.ResourceNotifications.TryGetCurrentState(ServiceNames.Migrator, out var before);
        await CommandAsync(ServiceNames.Migrator, KnownResourceCommands.StartCommand, cancellationToken);
        var finished = await fixture.App.ResourceNotifications.WaitForResourceAsync(ServiceNames.Migrator,
            e => e.Snapshot.State?.Text == KnownResourceStates.Finished && e.Snapshot.StopTimeStamp != before?.Snapshot.StopTimeStamp, cancellationToken);
        Assert.Equal(0, finished.Snapshot.ExitCode);
        await ReadyAsync(ServiceNames.Festivals, cancellationToken);
        await ReadyAsync(ServiceNames.Catalog, cancellationToken);
    }

    /// <summary>Polls a service's own /health until it answers 200.</summary>
    public async Task ReadyAsync(string service, CancellationToken cancellationToken)
    {
        using var client = fixture.Service(service);
        await Until.TrueAsync(async () =>
        {
            try
            {
                using var response = await client.GetAsync(ServicePaths.Ready, cancellationToken);
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, cancellationToken);
    }

    /// <summary>Empties the edge cache (after the database was reloaded, what it kept of earlier tests' writes is gone from the table).</summary>
    public async Task PurgeEdgeAsync()
    {
        using var response = await fixture.Gateway.AdminPostAsync(ColdCache.InvalidatePath, new { paths = new[] { "/api/*" }, reason = "the database was reloaded" });
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}

/// <summary>Set-up requests a fault test makes before the fault: they must succeed as asked.</summary>
public static class SetUp
{
    public static async Task ExpectAsync(HttpStatusCode status, Task<HttpResponseMessage> request)
    {
        using var response = await request;
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}

/// <summary>Polling a condition until it holds: never a fixed sleep, always bounded by the caller's token.</summary>
public static class Until
{
    public static async Task TrueAsync(Func<Task<bool>> condition, CancellationToken cancellationToken)
    {
        while (!await condition())
        {
            await Task.Delay(200, cancellationToken);
        }
    }
}
