using System.Globalization;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.Versioning;

/// <summary>
/// A version configured as deprecated with a sunset (the writes instance deprecates version 1) says so on every
/// answer: <c>Deprecation</c> (RFC 9745, <c>@</c> and the Unix time), <c>Sunset</c> (RFC 8594, an HTTP-date) and a
/// <c>Link</c> to the migration notes for both; the answers are otherwise those of version 1, and version 2's carry none.
/// </summary>
[Collection(WritesCollection.Name)]
public sealed class DeprecatedVersionTests(WritesFixture fixture)
{
    private static readonly DateTimeOffset DeprecatedAt = new(WritesFixture.V1DeprecatedOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    private static readonly DateTimeOffset SunsetAt = new(WritesFixture.V1SunsetOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    [Theory]
    [InlineData("/api/festivals")]
    [InlineData("/api/bands?limit=5")]
    [InlineData("/api/genres/heavy-metal")]
    public async Task A_deprecated_version_answers_with_deprecation_sunset_and_a_link_to_the_migration_notes(string path)
    {
        using var response = await fixture.Gateway.GetAsync(path);

        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
        Assert.Equal("@" + DeprecatedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), Header(response, "Deprecation"));
        Assert.Equal(SunsetAt.ToString("R", CultureInfo.InvariantCulture), Header(response, "Sunset"));
        var links = Header(response, "Link");
        Assert.Contains($"<{WritesFixture.V1MigrationNotes}>", links);
        Assert.Contains("rel=\"deprecation\"", links);
        Assert.Contains("rel=\"sunset\"", links);
    }

    [Theory]
    [InlineData("/api/festivals", "/api/v2/festivals")]
    [InlineData("/api/festivals/wacken-open-air", "/api/v2/festivals/wacken-open-air")]
    [InlineData("/api/roles", "/api/v2/roles")]
    public async Task Apart_from_those_headers_a_deprecated_version_answers_as_before_and_the_next_version_is_not_deprecated(string v1, string v2)
    {
        using var old = await fixture.Gateway.GetAsync(v1);
        using var current = await fixture.Gateway.GetAsync(v2);

        Assert.Equal(await old.Content.ReadAsStringAsync(), await current.Content.ReadAsStringAsync());
        Assert.Equal(old.Content.Headers.ContentType, current.Content.Headers.ContentType);
        Assert.True(old.Headers.Contains("Deprecation"));
        Assert.False(current.Headers.Contains("Deprecation"));
        Assert.False(current.Headers.Contains("Sunset"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : throw new Xunit.Sdk.XunitException($"no {name} header among {string.Join("; ", response.Headers.Select(h => h.Key))}");
}
