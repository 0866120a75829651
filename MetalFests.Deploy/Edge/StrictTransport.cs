namespace MetalFests.Deploy.Edge;

/// <summary>A <c>Strict-Transport-Security</c> value in the parts CloudFront's policy asks for.</summary>
public sealed record StrictTransport(TimeSpan MaxAge, bool IncludeSubDomains, bool Preload)
{
    public static StrictTransport Parse(string value)
    {
        var directives = value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var maxAge = directives.Single(d => d.StartsWith("max-age=", StringComparison.OrdinalIgnoreCase))["max-age=".Length..];
        return new(
            TimeSpan.FromSeconds(long.Parse(maxAge, System.Globalization.CultureInfo.InvariantCulture)),
            directives.Contains("includeSubDomains", StringComparer.OrdinalIgnoreCase),
            directives.Contains("preload", StringComparer.OrdinalIgnoreCase));
    }
}
