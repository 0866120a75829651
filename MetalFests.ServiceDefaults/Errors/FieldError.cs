namespace MetalFests.ServiceDefaults.Errors;

/// <summary>One bad field of a request body: its path (<c>bands[2].size</c>) and a short, user-facing reason.</summary>
public sealed record FieldError(string Field, string Reason);
