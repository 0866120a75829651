using MetalFests.ServiceDefaults;
using MetalFests.ServiceDefaults.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Every cross-cutting concern of a MetalFests service in one call: OpenTelemetry, health,
/// service discovery, resilience for outgoing HTTP, and the seed's error envelope.
/// </summary>
public static class Extensions
{
    private const string LiveTag = "live";

    /// <summary>Names of the ActivitySources and Meters the MetalFests libraries emit.</summary>
    public const string TelemetryPrefix = "MetalFests.";

    /// <param name="traceIncomingRequests">
    /// Whether OpenTelemetry's ASP.NET Core instrumentation traces every incoming request (the services). The edge
    /// passes false and starts its own request spans: with the instrumentation listening, hosting creates an
    /// <c>Activity</c> for every request, sampled or not, the largest part of what a cache hit costs.
    /// </param>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder, bool traceIncomingRequests = true) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry(traceIncomingRequests);
        builder.AddDefaultHealthChecks();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        builder.Services.AddApiErrors();
        // Bad bodies and parameters throw, so the error handler answers them in the envelope.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddApiKeys(builder.Configuration);
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder, bool traceIncomingRequests = true) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(TelemetryPrefix + "*"))
            .WithTracing(tracing =>
            {
                tracing
                    .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(TraceSampleRatio(builder.Configuration))))
                    .AddSource(builder.Environment.ApplicationName)
                    .AddSource(TelemetryPrefix + "*")
                    .AddHttpClientInstrumentation();
                if (traceIncomingRequests)
                {
                    tracing.AddAspNetCoreInstrumentation(options => options.Filter = context => !ServicePaths.IsHealthProbe(context.Request.Path));
                }
            });

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// Share of requests traced (<c>Telemetry:TraceSampleRatio</c>, default 1: every request, as the
    /// dashboard wants locally). Under load, export costs more than the request: production and the
    /// benchmarks sample.
    /// </summary>
    private static double TraceSampleRatio(IConfiguration configuration) =>
        double.TryParse(configuration["Telemetry:TraceSampleRatio"], System.Globalization.CultureInfo.InvariantCulture, out var ratio) ? Math.Clamp(ratio, 0, 1) : 1;

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary>
    /// <c>/health</c>: ready, every check (the database's included); <c>/alive</c>: the process answers.
    /// Neither is routed by the gateway, so they stay internal.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(ServicePaths.Ready);
        app.MapHealthChecks(ServicePaths.Alive, new HealthCheckOptions { Predicate = r => r.Tags.Contains(LiveTag) });
        app.MapUnattributedAdminEndpointWhenTesting();
        return app;
    }
}
