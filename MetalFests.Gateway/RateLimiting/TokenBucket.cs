namespace MetalFests.Gateway.RateLimiting;

/// <summary>A token bucket (API Gateway's throttle: a rate and a burst) on the injected clock.</summary>
public sealed class TokenBucket(int perSecond, int burst, TimeProvider time)
{
    private readonly Lock _gate = new();
    private double _tokens = burst;
    private long _refilledAt = time.GetTimestamp();

    /// <summary>Takes a token; when none is left, how long until one is.</summary>
    public TimeSpan? TryTake()
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            _tokens = Math.Min(burst, _tokens + time.GetElapsedTime(_refilledAt, now).TotalSeconds * perSecond);
            _refilledAt = now;
            if (_tokens >= 1)
            {
                _tokens--;
                return null;
            }
            return TimeSpan.FromSeconds((1 - _tokens) / perSecond);
        }
    }
}
