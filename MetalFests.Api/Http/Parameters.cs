using System.Globalization;
using MetalFests.ServiceDefaults.Errors;
using MetalFests.Storage;

namespace MetalFests.Api.Http;

/// <summary>Parsing of the public API's path and query parameters, each failure naming the parameter.</summary>
public static class Parameters
{
    public const int MaxSearchLength = 100;
    public const int MinYear = 1900;
    public const int MaxYear = 2100;

    public static ApiError? Key(string value, string parameter = "key") =>
        EntityKeys.IsValid(value)
            ? null
            : ApiError.InvalidParameter(parameter, EntityKeys.Rule);

    public static Validated<int> Year(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= MinYear and <= MaxYear
            ? year
            : ApiError.InvalidParameter("year", $"must be a year from {MinYear} to {MaxYear}");

    public static Validated<bool?> Bool(string? value, string parameter) => value switch
    {
        null => (bool?)null,
        "true" => true,
        "false" => false,
        _ => ApiError.InvalidParameter(parameter, "must be true or false"),
    };

    public static Validated<DateOnly?> Date(string? value, string parameter) =>
        value is null ? (DateOnly?)null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : ApiError.InvalidParameter(parameter, "must be an ISO date (yyyy-MM-dd)");

    public static Validated<string?> Search(string? value, string parameter = "q") =>
        value is null ? (string?)null
        : value.Trim() is { Length: > 0 and <= MaxSearchLength } trimmed ? trimmed
        : ApiError.InvalidParameter(parameter, $"must be 1 to {MaxSearchLength} characters");

    public static Validated<string?> OptionalKey(string? value, string parameter) =>
        value is null ? (string?)null : Key(value, parameter) is { } error ? error : value;
}
