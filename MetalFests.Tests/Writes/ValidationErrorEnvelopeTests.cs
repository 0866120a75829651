using System.Text.Json;
using MetalFests.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http;

namespace MetalFests.Tests.Writes;

/// <summary>A bad body becomes one 400 envelope naming every bad field.</summary>
public sealed class ValidationErrorEnvelopeTests
{
    private static readonly ApiError Error = ApiError.Validation(
    [
        new FieldError("dates.end", "must not be before 'dates.start'"),
        new FieldError("bands[2].size", "must be 0 to 3"),
    ]);

    [Fact]
    public void The_message_names_every_field_and_its_reason()
    {
        Assert.Equal(400, Error.Status);
        Assert.Equal("VALIDATION_ERROR", Error.Code);
        Assert.Equal("Invalid request body: 'dates.end' must not be before 'dates.start'; 'bands[2].size' must be 0 to 3", Error.Message);
    }

    [Fact]
    public void The_details_name_the_first_field_and_list_them_all()
    {
        var json = JsonSerializer.Serialize(Error.ToEnvelope(new DefaultHttpContext()), ErrorsJsonContext.Relaxed);

        using var document = JsonDocument.Parse(json);
        var details = document.RootElement.GetProperty("error").GetProperty("details");
        Assert.Equal("dates.end", details.GetProperty("field").GetString());
        Assert.Equal("must not be before 'dates.start'", details.GetProperty("reason").GetString());
        Assert.Equal(
            [("dates.end", "must not be before 'dates.start'"), ("bands[2].size", "must be 0 to 3")],
            details.GetProperty("fields").EnumerateArray().Select(field => (field.GetProperty("field").GetString(), field.GetProperty("reason").GetString())));
        Assert.Contains("'dates.start'", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_validation_error_without_fields_is_a_programming_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ApiError.Validation([]));
    }
}
