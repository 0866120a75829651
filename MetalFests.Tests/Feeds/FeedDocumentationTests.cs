using System.Text.Json;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.Feeds;

/// <summary>The feeds document themselves in the gateway's OpenAPI document: paths, media types, the subset parameter.</summary>
[Collection(AppCollection.Name)]
public sealed class FeedDocumentationTests(AppFixture fixture)
{
    [Theory]
    [InlineData("/api/festivals.geojson", "application/geo+json")]
    [InlineData("/api/festivals.ics", "text/calendar")]
    [InlineData("/api/festivals/{key}.ics", "text/calendar")]
    public async Task Each_feed_is_documented_with_its_media_type(string path, string mediaType)
    {
        using var document = JsonDocument.Parse(await fixture.Gateway.GetStringAsync("/openapi/v1.json"));

        var get = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty("get");
        Assert.False(string.IsNullOrWhiteSpace(get.GetProperty("summary").GetString()));
        Assert.True(get.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty(mediaType, out _),
            $"{path}: 200 is not documented as {mediaType}: {get.GetProperty("responses").GetProperty("200")}");
        Assert.True(get.GetProperty("responses").TryGetProperty("404", out _));
    }

    [Fact]
    public async Task The_calendar_documents_its_festivals_parameter_and_what_an_unknown_key_does()
    {
        using var document = JsonDocument.Parse(await fixture.Gateway.GetStringAsync("/openapi/v1.json"));

        var get = document.RootElement.GetProperty("paths").GetProperty("/api/festivals.ics").GetProperty("get");
        Assert.Contains(get.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "festivals" && p.GetProperty("in").GetString() == "query");
        Assert.Contains("skipped", get.GetProperty("description").GetString());
    }
}
