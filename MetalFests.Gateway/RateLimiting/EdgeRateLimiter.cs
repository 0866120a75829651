using System.Collections.Concurrent;
using System.Globalization;
using MetalFests.ServiceDefaults.Errors;
using MetalFests.ServiceDefaults.Security;
using Microsoft.Extensions.Options;

namespace MetalFests.Gateway.RateLimiting;

/// <summary>
/// The seed's limits, checked in order: per client IP (WAF) on every request, then for requests with a
/// valid API key the admin plan and monthly quota of that key, or for anonymous callers the public plan
/// on what reaches the origin (cache misses). The first
/// limit hit answers 429 in the envelope with <c>details {policy, limit, remaining, reset}</c>,
/// <c>Retry-After</c> and <c>RateLimit-*</c> headers. Windows and buckets run on the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class EdgeRateLimiter
{
    private readonly RateLimitOptions _options;
    private readonly TimeProvider _time;
    private readonly EdgeMetrics _metrics;
    private readonly SlidingWindow _perIp;
    private readonly TokenBucket _public;
    private readonly ConcurrentDictionary<string, TokenBucket> _admin = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string KeyId, int Month), int> _monthlyUse = new();

    public EdgeRateLimiter(IOptions<RateLimitOptions> options, TimeProvider time, EdgeMetrics metrics)
    {
        _options = options.Value;
        _time = time;
        _metrics = metrics;
        _perIp = new SlidingWindow(_options.PerIpLimit, _options.PerIpWindow, segments: 5, time);
        _public = new TokenBucket(_options.PublicRatePerSecond, _options.PublicBurst, time);
    }

    /// <summary>Null when the request may proceed; otherwise the rejection to send.</summary>
    public Rejection? Check(string clientIp, ApiKeyIdentity? key)
    {
        if (_perIp.TryTake(clientIp) is { } wait)
        {
            return Reject(RateLimitPolicies.PerIp, _options.PerIpLimit, wait);
        }
        if (key is null)
        {
            // Anonymous callers meet the public plan only when they reach the origin (CheckPublicPlan, on a miss).
            return null;
        }
        var bucket = _admin.GetOrAdd(key.Id, static (_, limiter) => new TokenBucket(limiter._options.AdminRatePerSecond, limiter._options.AdminBurst, limiter._time), this);
        if (bucket.TryTake() is { } adminWait)
        {
            return Reject(RateLimitPolicies.Admin, _options.AdminBurst, adminWait);
        }
        var now = _time.GetUtcNow();
        var used = _monthlyUse.AddOrUpdate((key.Id, now.Year * 12 + now.Month), 1, static (_, n) => n + 1);
        if (used > _options.AdminMonthlyQuota)
        {
            var nextMonth = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);
            _metrics.Rejected(RateLimitPolicies.AdminQuota);
            return new Rejection(RateLimitPolicies.AdminQuota, _options.AdminMonthlyQuota, 0, nextMonth - now, nextMonth);
        }
        return null;
    }

    /// <summary>The public plan (API Gateway's, all anonymous callers together): counts only what reaches the origin.</summary>
    public Rejection? CheckPublicPlan() =>
        _public.TryTake() is { } wait ? Reject(RateLimitPolicies.Public, _options.PublicBurst, wait) : null;

    private Rejection Reject(string policy, int limit, TimeSpan retryAfter)
    {
        _metrics.Rejected(policy);
        return new Rejection(policy, limit, 0, retryAfter, _time.GetUtcNow() + retryAfter);
    }
}

/// <summary>A 429 to send: which limit, its size, what is left, and when it resets.</summary>
public sealed record Rejection(string Policy, int Limit, int Remaining, TimeSpan RetryAfter, DateTimeOffset Reset)
{
    /// <summary>A 429 is about this moment: no cache keeps it.</summary>
    public const string CacheControl = "no-store";

    /// <summary>The <c>Retry-After</c> for a wait: whole seconds, rounded up, at least one.</summary>
    public static int RetryAfterSeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    public async Task WriteAsync(HttpContext context)
    {
        var retrySeconds = RetryAfterSeconds(RetryAfter);
        var headers = context.Response.Headers;
        headers.RetryAfter = retrySeconds.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Policy"] = Policy;
        headers["RateLimit-Limit"] = Limit.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Remaining"] = Remaining.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Reset"] = retrySeconds.ToString(CultureInfo.InvariantCulture);
        headers.CacheControl = CacheControl;
        var error = ApiError.RateLimited(Policy, Limit, Remaining, Reset.ToUnixTimeSeconds(), retrySeconds);
        await error.ToResult(context).ExecuteAsync(context);
    }
}
