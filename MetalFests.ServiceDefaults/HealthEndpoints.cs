namespace MetalFests.ServiceDefaults;

/// <summary>Paths every service answers for its orchestrator; the gateway never routes them.</summary>
public static class HealthEndpoints
{
    /// <summary>Ready: every check passes, the database's included.</summary>
    public const string Ready = "/health";

    /// <summary>Alive: the process answers.</summary>
    public const string Alive = "/alive";
}
