namespace MetalFests.ServiceDefaults.Errors;

/// <summary>
/// Turns an exception a library throws into the envelope's error (null: not one of its own). The
/// exception handler asks every registered mapper before its own rules (500, or 503 when unreachable).
/// </summary>
public interface IApiErrorMapper
{
    ApiError? Map(Exception exception);
}
