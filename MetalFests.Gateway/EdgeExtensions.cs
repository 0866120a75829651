using System.Net;
using MetalFests.Api.Invalidation;
using MetalFests.Gateway;
using MetalFests.Gateway.Caching;
using MetalFests.Gateway.Cors;
using MetalFests.Gateway.Invalidation;
using MetalFests.Gateway.RateLimiting;
using MetalFests.Gateway.Security;
using MetalFests.Gateway.Tracing;
using MetalFests.Gateway.Website;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

/// <summary>The edge's policies (CloudFront's and API Gateway's roles), each a small piece of its own folder.</summary>
public static class EdgeExtensions
{
    public static WebApplicationBuilder AddEdge(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<CacheOptions>(builder.Configuration.GetSection(CacheOptions.SectionName));
        services.Configure<RateLimitOptions>(builder.Configuration.GetSection(RateLimitOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<EdgeMetrics>();
        services.AddSingleton<EdgeCache>();
        services.AddSingleton<Callers>();
        services.Configure<WebsiteOptions>(builder.Configuration.GetSection(WebsiteOptions.SectionName));
        services.AddSingleton<WebsitePolicy>();
        services.AddSingleton<InvalidationLog>();
        services.AddSingleton<ICacheInvalidator, EdgeInvalidator>();
        services.AddSingleton<EdgeRateLimiter>();
        services.AddEdgeCors(builder.Configuration);
        services.AddResponseCompression(options =>
        {
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = [.. MetalFests.ServiceDefaults.MediaTypes.Compressible, .. WebsiteExtensions.CompressedTypes];
        });
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // Only the configured proxies are believed (the defaults would trust any loopback caller).
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
            foreach (var proxy in TrustedProxies(builder.Configuration))
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, InvalidationJsonContext.Default));
        return builder;
    }

    private static string[] TrustedProxies(IConfiguration configuration) =>
        configuration.GetSection(RateLimitOptions.SectionName).Get<RateLimitOptions>()?.TrustedProxies ?? [];

    /// <summary>
    /// Order matters: the client address, the security headers, the limits, the canonical request, plain cache hits (before routing: the fast path),
    /// then the request's span, the envelope of bodiless errors, routing, CORS, the rest of the cache, and compression of what the cache does not serve.
    /// Program runs the exception handler ahead of all of it.
    /// </summary>
    public static WebApplication UseEdge(this WebApplication app)
    {
        // With no known proxy the middleware would believe every sender, so it runs only when some are configured.
        if (TrustedProxies(app.Configuration).Length > 0)
        {
            app.UseForwardedHeaders();
        }
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<RateLimitMiddleware>();
        app.UseMiddleware<CanonicalRequestMiddleware>();
        app.UseMiddleware<CacheHitMiddleware>();
        // What passes the limits and is not a fast-path hit gets the edge's server span from here on (a hit: none, not even
        // an unsampled one; the limits' 429s and the canonical request's answers are counted in metrics, not traced).
        app.UseMiddleware<RequestSpanMiddleware>();
        // What a hit never needs (it always has a body): bodiless errors in the envelope.
        app.UseApiStatusCodePages();
        app.UseRouting();
        app.UseCors();
        // Cached answers are stored compressed; the compression middleware serves only what passes by the cache.
        app.UseMiddleware<EdgeCacheMiddleware>();
        app.UseResponseCompression();
        return app;
    }
}
