using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;
using MetalFests.ServiceDefaults.Errors;
using MetalFests.ServiceDefaults.Security;
using Microsoft.Extensions.Options;

namespace MetalFests.Gateway.RateLimiting;

/// <summary>
/// The seed's limits, checked in order: per client IP (WAF) on every request, then for requests with a
/// valid API key the admin plan and monthly quota of that key, or for anonymous callers the public plan
/// on what reaches the origin (cache misses). The first
/// limit hit answers 429 in the envelope with <c>details {policy, limit, remaining, reset}</c>,
/// <c>Retry-After</c> and <c>RateLimit-*</c> headers.
/// </summary>
public sealed class EdgeRateLimiter : IDisposable
{
    private readonly RateLimitOptions _options;
    private readonly TimeProvider _time;
    private readonly EdgeMetrics _metrics;
    private readonly PartitionedRateLimiter<string> _perIp;
    private readonly TokenBucketRateLimiter _public;
    private readonly PartitionedRateLimiter<string> _admin;
    private readonly ConcurrentDictionary<string, int> _monthlyUse = new();

    public EdgeRateLimiter(IOptions<RateLimitOptions> options, TimeProvider time, EdgeMetrics metrics)
    {
        _options = options.Value;
        _time = time;
        _metrics = metrics;
        _perIp = PartitionedRateLimiter.Create<string, string>(ip => RateLimitPartition.GetSlidingWindowLimiter(ip, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = _options.PerIpLimit,
            Window = _options.PerIpWindow,
            SegmentsPerWindow = 5,
            QueueLimit = 0,
        }));
        _public = new TokenBucketRateLimiter(Bucket(_options.PublicRatePerSecond, _options.PublicBurst));
        _admin = PartitionedRateLimiter.Create<string, string>(keyId => RateLimitPartition.GetTokenBucketLimiter(keyId, _ => Bucket(_options.AdminRatePerSecond, _options.AdminBurst)));
    }

    /// <summary>Null when the request may proceed; otherwise the rejection to send.</summary>
    public Rejection? Check(string clientIp, ApiKeyIdentity? key)
    {
        using (var lease = _perIp.AttemptAcquire(clientIp))
        {
            if (!lease.IsAcquired)
            {
                return Reject(RateLimitPolicies.PerIp, _options.PerIpLimit, lease, _options.PerIpWindow);
            }
        }
        if (key is null)
        {
            // Anonymous callers meet the public plan only when they reach the origin (CheckPublicPlan, on a miss).
            return null;
        }
        using (var lease = _admin.AttemptAcquire(key.Id))
        {
            if (!lease.IsAcquired)
            {
                return Reject(RateLimitPolicies.Admin, _options.AdminBurst, lease, TimeSpan.FromSeconds(1));
            }
        }
        var now = _time.GetUtcNow();
        var month = $"{key.Id}@{now:yyyy-MM}";
        var used = _monthlyUse.AddOrUpdate(month, 1, (_, n) => n + 1);
        if (used > _options.AdminMonthlyQuota)
        {
            var nextMonth = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);
            _metrics.Rejected(RateLimitPolicies.AdminQuota);
            return new Rejection(RateLimitPolicies.AdminQuota, _options.AdminMonthlyQuota, 0, nextMonth - now, nextMonth);
        }
        return null;
    }

    /// <summary>The public plan (API Gateway's, all anonymous callers together): counts only what reaches the origin.</summary>
    public Rejection? CheckPublicPlan()
    {
        using var lease = _public.AttemptAcquire();
        return lease.IsAcquired ? null : Reject(RateLimitPolicies.Public, _options.PublicBurst, lease, TimeSpan.FromSeconds(1));
    }

    private Rejection Reject(string policy, int limit, RateLimitLease lease, TimeSpan fallbackRetry)
    {
        _metrics.Rejected(policy);
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) && after > TimeSpan.Zero ? after : fallbackRetry;
        return new Rejection(policy, limit, 0, retryAfter, _time.GetUtcNow() + retryAfter);
    }

    private static TokenBucketRateLimiterOptions Bucket(int perSecond, int burst) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = perSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    public void Dispose()
    {
        _perIp.Dispose();
        _public.Dispose();
        _admin.Dispose();
    }
}

/// <summary>A 429 to send: which limit, its size, what is left, and when it resets.</summary>
public sealed record Rejection(string Policy, int Limit, int Remaining, TimeSpan RetryAfter, DateTimeOffset Reset)
{
    public async Task WriteAsync(HttpContext context)
    {
        var retrySeconds = Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));
        var headers = context.Response.Headers;
        headers.RetryAfter = retrySeconds.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Policy"] = Policy;
        headers["RateLimit-Limit"] = Limit.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Remaining"] = Remaining.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Reset"] = retrySeconds.ToString(CultureInfo.InvariantCulture);
        headers.CacheControl = "no-store";
        var error = ApiError.RateLimited(Policy, Limit, Remaining, Reset.ToUnixTimeSeconds(), retrySeconds);
        await error.ToResult(context).ExecuteAsync(context);
    }
}
