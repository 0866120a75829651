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
    public const int MaxKeys = 100;

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

    /// <summary>A comma-separated list of 1 to <see cref="MaxKeys"/> keys, each by the key rule; duplicates dropped, order kept.</summary>
    public static Validated<IReadOnlyList<string>?> KeyList(string? value, string parameter)
    {
        if (value is null)
        {
            return new(null, null);
        }
        var keys = value.Split(',', StringSplitOptions.TrimEntries);
        if (keys.Length > MaxKeys)
        {
            return ApiError.InvalidParameter(parameter, $"must list at most {MaxKeys} keys");
        }
        if (keys.FirstOrDefault(k => !EntityKeys.IsValid(k)) is { } bad)
        {
            return ApiError.InvalidParameter(parameter, $"'{bad}' {EntityKeys.Rule} (a comma-separated list of keys)");
        }
        // A conversion from an interface type is never implicit: the constructor says it.
        return new([.. keys.Distinct(StringComparer.Ordinal)], null);
    }
}
