using MetalFests.ServiceDefaults.Errors;

namespace MetalFests.Api.Http;

/// <summary>A parsed parameter, or the error that names why it is not acceptable.</summary>
public readonly record struct Validated<T>(T? Value, ApiError? Error)
{
    public static implicit operator Validated<T>(T value) => new(value, null);
    public static implicit operator Validated<T>(ApiError error) => new(default, error);
}
