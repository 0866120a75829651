using Microsoft.Extensions.Configuration;

namespace MetalFests.Api.Http;

/// <summary>
/// Today's date for date-relative answers ("upcoming"). Configuration <c>Clock:Today</c> (yyyy-MM-dd)
/// pins it — for tests and demos of a season that has passed; otherwise the system clock's UTC date.
/// </summary>
public sealed class Today(TimeProvider time, IConfiguration configuration)
{
    public const string ConfigurationKey = "Clock:Today";

    public DateOnly Date => configuration[ConfigurationKey] is { Length: > 0 } pinned
        ? DateOnly.ParseExact(pinned, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
        : DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
