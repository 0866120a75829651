namespace MetalFests.ServiceDefaults.Errors;

/// <summary>
/// What a 503 for an outage asks the client to wait before retrying (<c>Retry-After</c> and
/// <c>details.retryAfterSeconds</c>): DynamoDB or a service unreachable, or too slow, as a service or the gateway
/// meets it. A few seconds: a restarted process or a failed-over connection is usually back by then, and a client
/// retrying sooner only adds load to a system that is recovering. (A busy table asks for less:
/// <c>WriteLimits.RetryAfter</c>.)
/// </summary>
public static class OutageRetry
{
    public static readonly TimeSpan After = TimeSpan.FromSeconds(5);
}
