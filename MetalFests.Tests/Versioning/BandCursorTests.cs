using System.Net;
using System.Text.Json.Nodes;
using MetalFests.Tests.AdminApi;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.Versioning;

/// <summary>
/// <c>GET /api/v2/bands</c> pages by an opaque cursor: following <c>next</c> from the first page walks every band
/// exactly once, with the filters of version 1; a cursor the API did not issue is a 400 naming <c>cursor</c>.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class BandCursorTests(AppFixture fixture)
{
    [Fact]
    public async Task Following_next_walks_every_band_of_the_data_exactly_once()
    {
        var walked = await BandCursor.WalkAsync(fixture.Gateway, "/api/v2/bands?limit=200");

        Assert.Equal(walked.Count, walked.Distinct().Count());
        // Every band of db.json (the migration adds stubs for line-up keys without a record, so more may follow).
        Assert.Subset(walked.ToHashSet(), RealData.Instance.BandKeys.ToHashSet());
        // The same set as version 1's whole list.
        var v1 = await fixture.Gateway.FreshAsync("/api/bands?limit=500");
        Assert.Equal((int)v1["total"]!, walked.Count);
    }

    [Fact]
    public async Task The_cursor_keeps_the_filters_of_version_1()
    {
        var walked = await BandCursor.WalkAsync(fixture.Gateway, "/api/v2/bands?country=Germany&reviewed=true&limit=7");
        var v1 = await fixture.Gateway.FreshAsync("/api/bands?country=Germany&reviewed=true&limit=500");

        Assert.Equal(v1["bands"]!.AsArray().Select(b => (string)b!["key"]!).Order(StringComparer.Ordinal), walked);
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("@@@")]
    [InlineData("")]
    public async Task A_cursor_the_api_did_not_issue_is_a_400_naming_cursor(string cursor)
    {
        await fixture.Gateway.GetAsync($"/api/v2/bands?cursor={Uri.EscapeDataString(cursor)}").ExpectInvalidParameterAsync("cursor");
    }

    [Fact]
    public async Task A_tampered_cursor_is_a_400_naming_cursor()
    {
        var next = (string)(await fixture.Gateway.FreshAsync("/api/v2/bands?limit=3"))["next"]!;
        var tampered = (next[0] == 'A' ? 'B' : 'A') + next[1..];

        await fixture.Gateway.GetAsync($"/api/v2/bands?cursor={tampered}").ExpectInvalidParameterAsync("cursor");
    }

    [Fact]
    public async Task Version_1_still_pages_by_offset()
    {
        using var response = await fixture.Gateway.GetAsync("/api/bands?limit=3&offset=3");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(3, (int)page["offset"]!);
        Assert.Null(page["next"]);
    }
}

/// <summary>Walks a cursor-paged list by its <c>next</c>.</summary>
internal static class BandCursor
{
    public static async Task<List<string>> WalkAsync(HttpClient api, string first, Func<int, Task>? betweenPages = null)
    {
        var keys = new List<string>();
        var url = first;
        for (var page = 0; ; page++)
        {
            var body = await api.FreshAsync(url);
            keys.AddRange(body["bands"]!.AsArray().Select(b => (string)b!["key"]!));
            Assert.Equal(body["bands"]!.AsArray().Count, (int)body["count"]!);
            if ((string?)body["next"] is not { } next)
            {
                return keys;
            }
            if (betweenPages is not null)
            {
                await betweenPages(page);
            }
            url = $"{first}&cursor={Uri.EscapeDataString(next)}";
        }
    }
}
