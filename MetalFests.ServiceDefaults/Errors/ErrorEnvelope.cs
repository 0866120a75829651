namespace MetalFests.ServiceDefaults.Errors;

/// <summary>The seed's "Standard Error Response": <c>{"error": {...}}</c>.</summary>
public sealed record ErrorEnvelope(ErrorBody Error);

public sealed record ErrorBody(
    string Code,
    string Message,
    IReadOnlyDictionary<string, object?> Details,
    DateTime Timestamp,
    string RequestId);
