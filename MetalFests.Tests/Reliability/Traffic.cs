using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using MetalFests.Gateway.Routing;

namespace MetalFests.Tests.Reliability;

/// <summary>One answer seen under a fault: what was asked, what came back, how long it took.</summary>
public sealed record Answer(string Label, int Index, string Method, string Path, int Status, string? Code, string? XCache, string? RetryAfter, TimeSpan Took, DateTimeOffset At)
{
    /// <summary>0 when no HTTP answer came at all (connection refused or reset, or the bound ran out: a hang).</summary>
    public bool Answered => Status != 0;

    /// <summary>Whether it says when to retry: <c>Retry-After</c> as a positive number of seconds (RFC 9110's delay-seconds).</summary>
    public bool SaysWhenToRetry => int.TryParse(RetryAfter, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0;

    public override string ToString() => $"{Label}#{Index} {Method} {Path} → {Status} {Code} {XCache} Retry-After {RetryAfter ?? "none"} in {Took.TotalMilliseconds:0} ms";
}

/// <summary>
/// Clients sending requests in a loop while a fault happens, recording every answer. Each request is
/// bounded (<see cref="RequestBound"/>), so a hang shows as an answer with status 0, never as a stuck test.
/// </summary>
public sealed class Traffic(HttpClient gateway) : IAsyncDisposable
{
    /// <summary>
    /// Longest a request may take before it counts as a hang: the gateway answers by itself once a service has not
    /// answered for <see cref="RouteTable.OriginTimeout"/>; a margin for a loaded machine.
    /// </summary>
    public static readonly TimeSpan RequestBound = RouteTable.OriginTimeout + TimeSpan.FromSeconds(15);

    private readonly ConcurrentQueue<Answer> answers = new();
    private readonly CancellationTokenSource stop = new();
    private readonly List<Task> loops = [];

    public IReadOnlyCollection<Answer> Answers => answers;

    /// <summary>
    /// Pause between two requests of one loop: a steady load (~20 requests a second per loop) rather than a flood
    /// that would starve the machine's two cores, and with them the recovery under test.
    /// </summary>
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(50);

    /// <summary>Reads <paramref name="paths"/> in turn until stopped.</summary>
    public void Read(string label, params string[] paths) => Read(label, i => paths[i % paths.Length]);

    /// <summary>Reads the <paramref name="i"/>th path of a sequence until stopped.</summary>
    public void Read(string label, Func<int, string> path) =>
        Loop(label, i => new HttpRequestMessage(HttpMethod.Get, path(i)));

    /// <summary>Sends the <paramref name="i"/>th write of a sequence until stopped; <paramref name="write"/> builds it.</summary>
    public void Write(string label, Func<int, HttpRequestMessage> write) => Loop(label, write);

    /// <summary>As <see cref="Write"/>, ending early once <paramref name="until"/> holds; the loop, to wait for its last write.</summary>
    public Task WriteUntil(string label, Func<int, HttpRequestMessage> write, Func<bool> until) => Loop(label, write, until);

    private Task Loop(string label, Func<int, HttpRequestMessage> build, Func<bool>? until = null)
    {
        var loop = Task.Run(() => RunAsync(label, build, until ?? (() => false)));
        loops.Add(loop);
        return loop;
    }

    private async Task RunAsync(string label, Func<int, HttpRequestMessage> build, Func<bool> until)
    {
        for (var i = 0; !stop.IsCancellationRequested && !until(); i++)
        {
            await SendAsync(label, i, () => build(i));
            try
            {
                await Task.Delay(Pace, stop.Token);
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }
        }
    }

    public async Task<Answer> SendAsync(string label, int index, Func<HttpRequestMessage> build)
    {
        using var request = build();
        var at = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        Answer answer;
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
        bound.CancelAfter(RequestBound);
        try
        {
            using var response = await gateway.SendAsync(request, bound.Token);
            var body = await response.Content.ReadAsStringAsync(bound.Token);
            answer = new Answer(label, index, request.Method.Method, request.RequestUri!.OriginalString, (int)response.StatusCode, CodeOf(body),
                response.Headers.TryGetValues("X-Cache", out var cache) ? cache.Single() : null,
                response.Headers.RetryAfter?.ToString(), clock.Elapsed, at);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Cut short by the end of the traffic, not by the bound: no answer to record.
            return new Answer(label, index, request.Method.Method, request.RequestUri!.OriginalString, 0, "stopped", null, null, clock.Elapsed, at);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            answer = new Answer(label, index, request.Method.Method, request.RequestUri!.OriginalString, 0, e.GetType().Name, null, null, clock.Elapsed, at);
        }
        answers.Enqueue(answer);
        return answer;
    }

    /// <summary>The envelope's <c>error.code</c>, or null when the body is not the envelope.</summary>
    public static string? CodeOf(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object && root.EnumerateObject().Select(p => p.Name).SequenceEqual(["error"])
                && root.GetProperty("error") is { ValueKind: JsonValueKind.Object } error
                && error.EnumerateObject().Select(p => p.Name).SequenceEqual(["code", "message", "details", "timestamp", "requestId"])
                ? error.GetProperty("code").GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Answers of one label seen since <paramref name="since"/>.</summary>
    public IReadOnlyList<Answer> Of(string label, DateTimeOffset since = default) =>
        [.. answers.Where(a => a.Label == label && a.At >= since)];

    /// <summary>Waits until some answer of <paramref name="label"/> sent after <paramref name="since"/> satisfies <paramref name="condition"/>.</summary>
    public Task SeenAsync(string label, DateTimeOffset since, Func<Answer, bool> condition, CancellationToken cancellationToken) =>
        Until.TrueAsync(() => Task.FromResult(answers.Any(a => a.Label == label && a.At >= since && condition(a))), cancellationToken);

    /// <summary>Ends every loop and waits for their last requests.</summary>
    public async Task StopAsync()
    {
        if (!stop.IsCancellationRequested)
        {
            await stop.CancelAsync();
        }
        await Task.WhenAll(loops);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        stop.Dispose();
    }

    /// <summary>
    /// Every answer recorded (not those cut short by <see cref="StopAsync"/>), after writing a count per label and
    /// status; and the rules of every fault: each request answered within <see cref="RequestBound"/>, each refusal in
    /// the envelope — 503 <c>SERVICE_UNAVAILABLE</c>, or a status <paramref name="alsoAllowed"/> admits — and each 503
    /// saying when to retry (<see cref="Answer.SaysWhenToRetry"/>): an outage's as much as a busy table's.
    /// </summary>
    public List<Answer> Checked(Action<string> output, Func<Answer, bool>? alsoAllowed = null)
    {
        var recorded = answers.Where(a => a.Code != "stopped").ToList();
        foreach (var group in recorded.GroupBy(a => (a.Label, a.Status, a.XCache)).OrderBy(g => g.Key.Label).ThenBy(g => g.Key.Status))
        {
            output($"  {group.Key.Label} {group.Key.Status} {group.Key.XCache}: {group.Count()}, slowest {group.Max(a => a.Took.TotalMilliseconds):0} ms");
        }
        Assert.All(recorded, a => Assert.True(a.Answered && a.Took < RequestBound, a.ToString()));
        Assert.All(recorded.Where(a => a.Status >= 400), a => Assert.True(IsUnavailable(a) || alsoAllowed?.Invoke(a) == true, a.ToString()));
        Assert.All(recorded.Where(a => a.Status == (int)HttpStatusCode.ServiceUnavailable), a => Assert.True(a.SaysWhenToRetry, a.ToString()));
        return recorded;
    }

    /// <summary>A write as an editor's client sends it: a JSON body and the full-permission key.</summary>
    public static HttpRequestMessage AdminRequest(HttpMethod method, string path, object body) => new(method, path)
    {
        Content = System.Net.Http.Json.JsonContent.Create(body),
        Headers = { { MetalFests.ServiceDefaults.Security.RequestHeaders.ApiKey, Infrastructure.AppFixture.AdminKey } },
    };

    public static bool IsUnavailable(Answer answer) => answer.Status == (int)HttpStatusCode.ServiceUnavailable && answer.Code == "SERVICE_UNAVAILABLE";
}
