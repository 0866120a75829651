using MetalFests.Gateway.Tracing;
using MetalFests.Gateway.RateLimiting;
using MetalFests.Gateway.Routing;
using MetalFests.ServiceDefaults.Caching;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Model;

namespace MetalFests.Gateway.Caching;

/// <summary>
/// Serves public GETs from <see cref="EdgeCache"/> once routed (plain hits were already answered by
/// <see cref="CacheHitMiddleware"/>): fresh entries without the origin, concurrent misses
/// as one origin request, <c>If-None-Match</c> as 304, stale entries when the origin fails. Every
/// response loses its surrogate-key labels here; a successful write evicts what its labels name.
/// </summary>
public sealed class EdgeCacheMiddleware(RequestDelegate next, EdgeCache cache, EdgeMetrics metrics, Invalidation.InvalidationLog invalidations, Callers callers, EdgeRateLimiter limiter)
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Content-Length", "Upgrade", "Proxy-Connection", "Date", "Server",
    };

    public async Task InvokeAsync(HttpContext context)
    {
        if (!IsCacheable(context))
        {
            EvictAfterWrite(context);
            if (IsAnonymousApiCall(context) && limiter.CheckPublicPlan() is { } rejected)
            {
                await rejected.WriteAsync(context);
                return;
            }
            await next(context);
            return;
        }

        var key = EdgeCache.KeyOf(context.Request);
        var now = cache.Now;
        cache.TryGet(key, out var entry);
        if (entry is not null && entry.IsFresh(now))
        {
            metrics.Lookup(CacheOutcome.Hit);
            HitTracing.Forgo();
            await CachedResponseWriter.ServeAsync(context, entry, CacheOutcome.Hit, now);
            return;
        }

        // A miss reaches the origin: the public plan (API Gateway's) counts it; hits never do.
        if (limiter.CheckPublicPlan() is { } rejection)
        {
            await rejection.WriteAsync(context);
            return;
        }
        var isHead = HttpMethods.IsHead(context.Request.Method);
        var (fill, shared) = await cache.FetchOnceAsync(key, () => FillAsync(context, key), context.RequestAborted);
        now = cache.Now;
        if (fill.Entry is { } stored)
        {
            var outcome = shared ? CacheOutcome.Hit : CacheOutcome.Miss;
            metrics.Lookup(outcome);
            await CachedResponseWriter.ServeAsync(context, stored, outcome, now, isHead);
            return;
        }
        var origin = fill.Origin;
        if (origin.StatusCode >= StatusCodes.Status500InternalServerError && entry is not null && entry.IsServableStale(now, cache.Options.StaleIfError))
        {
            metrics.Lookup(CacheOutcome.Stale);
            await CachedResponseWriter.ServeAsync(context, entry, CacheOutcome.Stale, now, isHead);
            return;
        }
        metrics.Lookup(CacheOutcome.Miss);
        await ReplayAsync(context, origin, isHead);
    }

    /// <summary>
    /// The shared part of a miss: the origin's answer and, when storable, its entry, made once for every
    /// waiter. Stored only if no write evicted one of its labels since the fetch began.
    /// </summary>
    private async Task<Fill> FillAsync(HttpContext context, string key)
    {
        var generation = cache.Generation;
        var origin = await FetchAsync(context);
        // The caller went away: what the proxy answered is its cancellation, not the origin's response.
        context.RequestAborted.ThrowIfCancellationRequested();
        var stored = Storable(origin, cache.Now);
        if (stored is not null)
        {
            cache.Store(key, stored, generation);
        }
        return new Fill(origin, stored);
    }

    /// <summary>A read the cache may answer, on a public route.</summary>
    private bool IsCacheable(HttpContext context) =>
        cache.MayServe(context, callers)
        && context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>() is { } route
        && RouteTable.IsCacheable(route.Config);

    /// <summary>An API request without a valid key that the cache does not answer: it reaches a service or the gateway's own API.</summary>
    private bool IsAnonymousApiCall(HttpContext context) =>
        context.Request.Path.StartsWithSegments(MetalFests.Api.Versioning.ApiVersions.ApiRoot) && callers.KeyOf(context) is null;

    /// <summary>Strips the labels from a response that passes through; after a successful write, evicts what they name.</summary>
    private void EvictAfterWrite(HttpContext context)
    {
        var isWrite = !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method);
        context.Response.OnStarting(() =>
        {
            var labels = SurrogateKeys.Parse(context.Response.Headers[SurrogateKeys.Header]);
            var invalidationId = context.Response.Headers[SurrogateKeys.InvalidationIdHeader].ToString();
            context.Response.Headers.Remove(SurrogateKeys.Header);
            context.Response.Headers.Remove(SurrogateKeys.InvalidationIdHeader);
            if (isWrite && context.Response.StatusCode is >= 200 and < 300)
            {
                var started = cache.Now.UtcDateTime;
                var evicted = cache.EvictLabels(labels);
                if (invalidationId.Length > 0)
                {
                    // The write response told the client this id: its status is answerable here.
                    invalidations.Add(new MetalFests.Api.Invalidation.InvalidationStatus(invalidationId, MetalFests.Api.Invalidation.InvalidationStates.Completed,
                        [.. labels.Order(StringComparer.Ordinal)], $"{context.Request.Method} {context.Request.Path}", Invalidation.InvalidationLog.WriteRequester,
                        started, cache.Now.UtcDateTime, evicted));
                }
            }
            return Task.CompletedTask;
        });
    }

    /// <summary>Runs the proxy with the response captured in memory (a HEAD asks the origin for the GET it stands for).</summary>
    private async Task<OriginResponse> FetchAsync(HttpContext context)
    {
        var bodyFeature = context.Features.Get<IHttpResponseBodyFeature>();
        using var buffer = new MemoryStream();
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(buffer));
        var method = context.Request.Method;
        var acceptEncoding = context.Request.Headers.AcceptEncoding;
        context.Request.Method = HttpMethods.Get;
        // Stored as identity (compressed per client when served): neither the service nor the compression middleware may encode it.
        context.Request.Headers.AcceptEncoding = default;
        try
        {
            await next(context);
        }
        finally
        {
            context.Features.Set(bodyFeature);
            context.Request.Method = method;
            context.Request.Headers.AcceptEncoding = acceptEncoding;
        }
        var headers = context.Response.Headers
            .Where(h => !HopByHop.Contains(h.Key))
            .Select(h => new KeyValuePair<string, string[]>(h.Key, h.Value.ToArray()!))
            .ToList();
        return new OriginResponse(context.Response.StatusCode, headers, buffer.ToArray());
    }

    /// <summary>A 200 the origin allows caching (for its max-age), or a 404 (briefly); otherwise null.</summary>
    private CachedResponse? Storable(OriginResponse origin, DateTimeOffset now)
    {
        if (origin.Body.Length > cache.Options.MaxBodyBytes)
        {
            return null;
        }
        var labels = SurrogateKeys.Parse(origin.Header(SurrogateKeys.Header));
        var contentType = origin.Header(HeaderNames.ContentType) ?? "application/json";
        if (origin.StatusCode == StatusCodes.Status200OK && MaxAge(origin.Header(HeaderNames.CacheControl)) is { } ttl && ttl > TimeSpan.Zero)
        {
            return new CachedResponse(origin.StatusCode, contentType, origin.Header(HeaderNames.CacheControl)!, origin.Body, now, ttl, labels,
                origin.Header(HeaderNames.ETag), origin.Header(HeaderNames.ContentDisposition),
                [.. origin.Headers.Where(h => MetalFests.Api.Versioning.ApiVersions.ResponseHeaders.Contains(h.Key, StringComparer.OrdinalIgnoreCase))]);
        }
        if (origin.StatusCode == StatusCodes.Status404NotFound && cache.Options.NotFoundTtl > TimeSpan.Zero)
        {
            var ttl404 = cache.Options.NotFoundTtl;
            return new CachedResponse(origin.StatusCode, contentType, $"public, max-age={(int)ttl404.TotalSeconds}", origin.Body, now, ttl404, labels);
        }
        return null;
    }

    private static TimeSpan? MaxAge(string? cacheControl)
    {
        if (cacheControl is null || !CacheControlHeaderValue.TryParse(cacheControl, out var value) || value.NoStore || value.Private || value.NoCache)
        {
            return null;
        }
        return value.SharedMaxAge ?? value.MaxAge;
    }

    private static async Task ReplayAsync(HttpContext context, OriginResponse origin, bool isHead)
    {
        var response = context.Response;
        response.Headers.Clear();
        response.StatusCode = origin.StatusCode;
        foreach (var (name, values) in origin.Headers)
        {
            if (!string.Equals(name, SurrogateKeys.Header, StringComparison.OrdinalIgnoreCase))
            {
                response.Headers[name] = values;
            }
        }
        response.Headers[CachedResponseWriter.CacheStatusHeader] = CacheOutcome.Miss;
        if (origin.StatusCode >= StatusCodes.Status400BadRequest && origin.Body.Length == 0)
        {
            // The proxy's own failure (502: the service unreachable or gone mid-request; 504: too slow) has no body:
            // left without a length, the error pages answer it in the envelope.
            return;
        }
        response.ContentLength = origin.Body.Length;
        if (!isHead && origin.Body.Length > 0)
        {
            await response.Body.WriteAsync(origin.Body, context.RequestAborted);
        }
    }
}
