namespace MetalFests.Gateway.RateLimiting;

/// <summary>
/// A token bucket (API Gateway's throttle: a rate and a burst) on the injected clock. Kept as the time at
/// which the bucket would be full again (the generic cell rate algorithm's "theoretical arrival time"), one
/// word that every caller advances with a compare-and-swap: no lock, however many cores take tokens.
/// </summary>
public sealed class TokenBucket(int perSecond, int burst, TimeProvider time)
{
    /// <summary>How long one token takes to come back, in the clock's timestamp units.</summary>
    private readonly long _interval = Math.Max(1, time.TimestampFrequency / perSecond);
    private long _fullAt = time.GetTimestamp();

    /// <summary>How far ahead of now the bucket's refill may run: a full burst.</summary>
    private long BurstSpan => _interval * burst;

    /// <summary>
    /// The longest <see cref="TryTake"/> asks a caller to wait at <paramref name="perSecond"/>: one token's interval (a
    /// rejected caller's next token is never further away than that).
    /// </summary>
    public static TimeSpan LongestWait(int perSecond) => TimeSpan.FromSeconds(1.0 / perSecond);

    /// <summary>Takes a token; when none is left, how long until one is.</summary>
    public TimeSpan? TryTake()
    {
        while (true)
        {
            var now = time.GetTimestamp();
            var fullAt = Volatile.Read(ref _fullAt);
            var next = Math.Max(fullAt, now) + _interval;
            if (next - now > BurstSpan)
            {
                return TimeSpan.FromSeconds((double)(next - now - BurstSpan) / time.TimestampFrequency);
            }
            if (Interlocked.CompareExchange(ref _fullAt, next, fullAt) == fullAt)
            {
                return null;
            }
        }
    }
}
