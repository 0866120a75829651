namespace MetalFests.Gateway.Caching;

/// <summary>Configuration section <c>Gateway:Cache</c>.</summary>
public sealed class CacheOptions
{
    public const string SectionName = "Gateway:Cache";

    /// <summary>Off: every request reaches its service (the benchmark's miss path).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a 404 is remembered (the seed caches only successes; a short negative cache spares the services from key probing).</summary>
    public TimeSpan NotFoundTtl { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long past its expiry a response may still be served when its service fails.</summary>
    public TimeSpan StaleIfError { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Bodies larger than this are passed through, not stored.</summary>
    public int MaxBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Upper bound on stored bodies; beyond it new responses are not stored until entries expire or are evicted.</summary>
    public long MaxTotalBytes { get; set; } = 256L * 1024 * 1024;
}
