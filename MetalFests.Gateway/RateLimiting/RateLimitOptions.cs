namespace MetalFests.Gateway.RateLimiting;

/// <summary>Configuration section <c>Gateway:RateLimits</c>; defaults are the seed's ("Rate Limiting").</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Gateway:RateLimits";

    /// <summary>Per client IP (CloudFront's WAF rule): 2,000 requests per 5 minutes.</summary>
    public int PerIpLimit { get; set; } = 2000;
    public TimeSpan PerIpWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Public plan (API Gateway): 1,000 requests/s, burst 2,000, for all public callers together.</summary>
    public int PublicRatePerSecond { get; set; } = 1000;
    public int PublicBurst { get; set; } = 2000;

    /// <summary>Admin plan, per API key: 100 requests/s, burst 200, and 100,000 requests a month.</summary>
    public int AdminRatePerSecond { get; set; } = 100;
    public int AdminBurst { get; set; } = 200;
    public int AdminMonthlyQuota { get; set; } = 100_000;

    /// <summary>Proxies whose <c>X-Forwarded-For</c> is believed (IP addresses); from anyone else it is ignored.</summary>
    public string[] TrustedProxies { get; set; } = [];
}
