namespace MetalFests.ServiceDefaults.Errors;

/// <summary>
/// Exceptions that mean "a dependency is not ready, retry later" (503) rather than a bug (500), beyond the network
/// failures every service shares: each library that knows its own signs adds them (options, configured at start-up).
/// </summary>
public sealed class UnavailableDependencies
{
    public List<Func<Exception, bool>> Signs { get; } = [];
}
