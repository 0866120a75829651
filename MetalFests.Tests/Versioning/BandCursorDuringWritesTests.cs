using System.Net;
using MetalFests.Tests.AdminApi;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.Versioning;

/// <summary>
/// The v2 cursor continues after the last key seen, so bands created and renamed while a client walks the list
/// never make it skip or repeat one (with offsets, a band created before the current offset shifts every later one).
/// </summary>
[Collection(WritesCollection.Name)]
public sealed class BandCursorDuringWritesTests(WritesFixture fixture)
{
    [Fact]
    public async Task A_walk_meets_every_band_of_the_data_exactly_once_while_bands_are_created_and_renamed()
    {
        var api = fixture.Gateway;
        // Bands of the test's own, spread over the key range, renamed while the walk passes them.
        var renamed = new List<string>();
        foreach (var prefix in new[] { "b", "h", "m", "s" })
        {
            renamed.Add(await CreateAsync(api, AdminRequests.UniqueKey(prefix)));
        }
        var behind = new List<string>();
        var ahead = new List<string>();

        var walked = await BandCursor.WalkAsync(api, "/api/v2/bands?limit=150", async page =>
        {
            // A band whose key sorts first (behind the cursor: the walk has passed it) and one at the end (ahead of it).
            behind.Add(await CreateAsync(api, AdminRequests.UniqueKey($"0{page:D3}")));
            ahead.Add(await CreateAsync(api, AdminRequests.UniqueKey($"zz{page:D3}")));
            var band = renamed[page % renamed.Count];
            await PatchName(api, band, $"Renamed during walk {page}");
        });

        Assert.Equal(walked.Count, walked.Distinct().Count());
        Assert.Subset(walked.ToHashSet(), RealData.Instance.BandKeys.ToHashSet());
        Assert.Subset(walked.ToHashSet(), renamed.ToHashSet());
        Assert.True(ahead.Count >= 2, "the walk spanned more than two pages, with writes between pages");
        // A band created ahead of the cursor is met (once: no key twice above); one created behind it is not.
        Assert.Subset(walked.ToHashSet(), ahead.ToHashSet());
        Assert.Empty(walked.Intersect(behind));
    }

    private static async Task<string> CreateAsync(HttpClient api, string key)
    {
        await api.AdminPostAsync("/api/admin/bands", AdminRequests.Band(key, "Band " + key)).ExpectAsync(HttpStatusCode.Created);
        return key;
    }

    private static Task PatchName(HttpClient api, string band, string name) =>
        api.MergePatchAsync($"/api/bands/{band}", $$"""{"name": "{{name}}"}""").ExpectAsync(HttpStatusCode.OK);
}
