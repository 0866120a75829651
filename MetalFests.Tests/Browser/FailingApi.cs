using MetalFests.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MetalFests.Tests.Browser;

/// <summary>How the API fails behind <see cref="FailingApi"/>.</summary>
public enum Failure
{
    /// <summary>503 in the error envelope, as the gateway answers when a service is down.</summary>
    Unavailable,
    /// <summary>429 in the envelope with Retry-After, as the gateway's rate limits answer.</summary>
    RateLimited,
    /// <summary>The connection is dropped: the API cannot be reached at all.</summary>
    Unreachable,
}

/// <summary>
/// A real local HTTP server for the site's outage behaviour: it serves the built website (with the
/// gateway's own website code) and an API that fails as told — every call, or every call but the
/// festival list, which it relays from the real gateway so the page has real data to keep.
/// </summary>
public sealed class FailingApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FailingApi(WebApplication app) => _app = app;

    public Uri BaseAddress => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static async Task<FailingApi> StartAsync(Failure failure, AppFixture? listFrom)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["Website:Root"] = Path.Combine(Repository.Root, "MetalFests.Web", "dist");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.UseWebsite();
        if (listFrom is not null)
        {
            app.MapGet("/api/festivals", async () => Results.Text(await listFrom.Gateway.GetStringAsync("/api/festivals"), "application/json"));
        }
        app.Map("/api/{**rest}", (HttpContext context) => Fail(context, failure));
        await app.StartAsync();
        return new FailingApi(app);
    }

    private static IResult Fail(HttpContext context, Failure failure)
    {
        switch (failure)
        {
            case Failure.RateLimited:
                context.Response.Headers.RetryAfter = "7";
                return Envelope(StatusCodes.Status429TooManyRequests, "RATE_LIMIT_EXCEEDED", "Too many requests");
            case Failure.Unreachable:
                context.Abort();
                return Results.Empty;
            default:
                return Envelope(StatusCodes.Status503ServiceUnavailable, "SERVICE_UNAVAILABLE", "The service is unavailable");
        }
    }

    private static IResult Envelope(int status, string code, string message) => Results.Text(
        $$$"""{"error":{"code":"{{{code}}}","message":"{{{message}}}","details":{},"timestamp":"2026-06-20T12:00:00Z","requestId":"test"}}""",
        "application/json", statusCode: status);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
