using System.Text.Json;
using MetalFests.Api.Http;
using MetalFests.ServiceDefaults.Errors;

namespace MetalFests.Tests.Writes;

/// <summary>Request bodies as the tests write them, and what a parser said about them.</summary>
internal static class Parsed
{
    public static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static T Valid<T>(Validated<T> result)
    {
        Assert.Null(result.Error?.Message);
        Assert.NotNull(result.Value);
        return result.Value!;
    }

    /// <summary>Every error of a validation failure, in the order the body was read.</summary>
    public static FieldError[] Errors<T>(Validated<T> result)
    {
        var error = Assert.IsType<ApiError>(result.Error);
        Assert.Equal(400, error.Status);
        Assert.Equal(ErrorCodes.ValidationError, error.Code);
        return Assert.IsType<FieldError[]>(error.Details["fields"]);
    }

    /// <summary>The paths of the bad fields.</summary>
    public static string[] BadFields<T>(Validated<T> result) => [.. Errors(result).Select(error => error.Field)];

    /// <summary>Asserts that exactly one field is bad, and gives its reason.</summary>
    public static string OnlyBadField<T>(Validated<T> result, string field)
    {
        var error = Assert.Single(Errors(result));
        Assert.Equal(field, error.Field);
        return error.Reason;
    }
}
