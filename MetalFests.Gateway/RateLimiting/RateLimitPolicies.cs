namespace MetalFests.Gateway.RateLimiting;

/// <summary>Names of the limits, as they appear in 429 details and metrics.</summary>
public static class RateLimitPolicies
{
    public const string PerIp = "per-ip";
    public const string Public = "public";
    public const string Admin = "admin";
    public const string AdminQuota = "admin-monthly-quota";
}
