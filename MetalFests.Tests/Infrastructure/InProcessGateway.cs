using Aspire.Hosting;
using Aspire.Hosting.Testing;
using MetalFests.Gateway;
using MetalFests.ServiceDefaults;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenTelemetry.Trace;

namespace MetalFests.Tests.Infrastructure;

/// <summary>
/// The real gateway, run inside the test process with settings of the test's own (small rate limits,
/// a fake clock), proxying to the real services of <see cref="AppFixture"/> when given them.
/// </summary>
public sealed class InProcessGateway : WebApplicationFactory<EdgeMetrics>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public InProcessGateway(IReadOnlyDictionary<string, string?> settings, AppFixture? services = null)
    {
        var all = new Dictionary<string, string?>(settings);
        if (services is not null)
        {
            foreach (var service in new[] { ServiceNames.Festivals, ServiceNames.Catalog })
            {
                all[$"services:{service}:http:0"] = services.App.GetEndpoint(service, "http").ToString();
            }
        }
        _settings = all;
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 6, 20, 12, 0, 0, TimeSpan.Zero));

    /// <summary>The spans this gateway started and exported (every request is sampled unless a test's settings say otherwise).</summary>
    public GatewayTraces Traces { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services => services
            .AddSingleton<TimeProvider>(Clock)
            .ConfigureOpenTelemetryTracerProvider(tracing => tracing
                .AddProcessor(Traces.StartRecorder)
                .AddInMemoryExporter(Traces.ExportTarget)));
    }
}
