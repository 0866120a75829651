using System.Collections.Concurrent;
using MetalFests.ServiceDefaults;
using MetalFests.ServiceDefaults.Caching;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace MetalFests.Tests.Infrastructure;

/// <summary>
/// A service the test controls, on a local port, for the in-process gateway to proxy to: it records what
/// reaches it, answers a read with the body the test set (labelled <see cref="Label"/>, cacheable for ten
/// minutes), holds reads while <see cref="Hold"/> is closed, and answers a write 200 with the label.
/// </summary>
public sealed class FakeOrigin : IAsyncDisposable
{
    public const string Label = "festival:fake";
    private readonly WebApplication _app;
    private TaskCompletionSource _gate = Open();

    private FakeOrigin(WebApplication app) => _app = app;

    public ConcurrentQueue<string> Reads { get; } = new();

    /// <summary>The W3C <c>traceparent</c> each read arrived with (null: none).</summary>
    public ConcurrentQueue<string?> TraceParents { get; } = new();
    public string Body { get; set; } = "{\"version\":1}";
    public string Url => _app.Urls.Single();

    /// <summary>Reads wait until <see cref="Release"/>; <see cref="Arrived"/> says when one is waiting.</summary>
    public void Hold() => _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public void Release() => _gate.TrySetResult();
    public SemaphoreSlim Arrived { get; } = new(0);

    public static async Task<FakeOrigin> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var origin = new FakeOrigin(app);
        app.Run(origin.AnswerAsync);
        await app.StartAsync();
        return origin;
    }

    /// <summary>The in-process gateway's settings that send both services' routes here.</summary>
    public Dictionary<string, string?> Services() => new()
    {
        [$"services:{ServiceNames.Festivals}:http:0"] = Url,
        [$"services:{ServiceNames.Catalog}:http:0"] = Url,
    };

    private async Task AnswerAsync(HttpContext context)
    {
        context.Response.Headers[SurrogateKeys.Header] = Label;
        if (!HttpMethods.IsGet(context.Request.Method))
        {
            return;
        }
        var body = Body;
        TraceParents.Enqueue(context.Request.Headers.TryGetValue("traceparent", out var parent) ? parent.ToString() : null);
        Reads.Enqueue(context.Request.Path + context.Request.QueryString);
        Arrived.Release();
        await _gate.Task.WaitAsync(context.RequestAborted);
        context.Response.Headers.CacheControl = "public, max-age=600";
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static TaskCompletionSource Open()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }
}
