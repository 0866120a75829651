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

    /// <summary>
    /// How long after a write its labels are evicted a second time: a refill in between may have read a
    /// replica the write had not reached yet (DynamoDB's eventually consistent reads settle within about a second).
    /// </summary>
    public TimeSpan RefillWindow { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Upper bound on stored bodies; when full, the least useful entries make room (see <see cref="EdgeCache"/>).</summary>
    public long MaxTotalBytes { get; set; } = 256L * 1024 * 1024;
}
