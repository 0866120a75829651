using Asp.Versioning;
using Microsoft.Extensions.Configuration;

namespace MetalFests.Api.Versioning;

/// <summary>
/// A version's retirement, from configuration <c>Api:Versions:{n}</c>: <c>DeprecatedOn</c> (a date: from then its
/// answers carry <c>Deprecation</c>, RFC 9745), <c>SunsetOn</c> (the date it stops answering, announced by
/// <c>Sunset</c>, RFC 8594) and <c>MigrationNotes</c> (the address both point to in a <c>Link</c> header).
/// </summary>
public sealed record VersionPolicy(DateOnly? DeprecatedOn, DateOnly? SunsetOn, Uri? MigrationNotes)
{
    public const string Section = "Api:Versions";

    public static IReadOnlyDictionary<ApiVersion, VersionPolicy> Read(IConfiguration configuration) =>
        ApiVersions.All
            .Select(version => (version, section: configuration.GetSection($"{Section}:{version.MajorVersion}")))
            .Where(v => v.section.Exists())
            .ToDictionary(v => v.version, v => new VersionPolicy(
                v.section.GetValue<DateOnly?>(nameof(DeprecatedOn)),
                v.section.GetValue<DateOnly?>(nameof(SunsetOn)),
                v.section.GetValue<Uri?>(nameof(MigrationNotes))));

    public void ApplyTo(ApiVersioningOptions options, ApiVersion version)
    {
        if (DeprecatedOn is { } deprecated)
        {
            var policy = options.Policies.Deprecate(version).Effective(Midnight(deprecated));
            if (MigrationNotes is { } notes) policy.Link(notes);
        }
        if (SunsetOn is { } sunset)
        {
            var policy = options.Policies.Sunset(version).Effective(Midnight(sunset));
            if (MigrationNotes is { } notes) policy.Link(notes);
        }
    }

    private static DateTimeOffset Midnight(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
