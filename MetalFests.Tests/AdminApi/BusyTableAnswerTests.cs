using System.Net;
using MetalFests.Storage;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.AdminApi;

/// <summary>
/// When the table cannot take a write, or a reader would have to wait too long for another writer's
/// journal, the answer is the envelope's 503 with <c>Retry-After</c> — never a 500, never half a write —
/// and a reader never applies another writer's journal itself.
/// </summary>
[Collection(WritesCollection.Name)]
public sealed class BusyTableAnswerTests(WritesFixture fixture)
{
    [Fact]
    public async Task A_write_to_an_item_another_writer_has_claimed_answers_503_with_Retry_After_and_changes_nothing()
    {
        var api = fixture.Gateway;
        using var writerA = await PausedEdition.StartAsync(fixture, beforeCommit: true);
        var band = writerA.Bands[0];

        using var refused = await api.AdminPutAsync($"/api/bands/{band}", AdminRequests.Band(null, Given.BandName(band) + " renamed"));

        await AssertBusyAsync(refused);
        Assert.Equal(Given.BandName(band), await api.NameAsync("band", band));
        // Once A commits and applies, the band is free again and the same write goes through.
        writerA.Client.Resume.SetResult();
        await writerA.Write;
        await api.AdminPutAsync($"/api/bands/{band}", AdminRequests.Band(null, Given.BandName(band) + " renamed")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, await api.FestivalCountAsync(band));
    }

    [Fact]
    public async Task A_reader_never_applies_another_writers_journal_it_answers_503_with_Retry_After_past_its_wait()
    {
        var api = fixture.Gateway;
        using var writerA = await PausedEdition.StartAsync(fixture, beforeCommit: false);

        // A's journal is committed, not applied: the festival's list row carries its claim.
        using var waited = await api.GetAsync($"/api/festivals?q={writerA.Festival}&fresh={Guid.NewGuid():N}");

        await AssertBusyAsync(waited);
        using var client = fixture.DynamoDb();
        Assert.Single(await JournalFencingTests.OpenJournalsAsync(client, StorageOptions.DefaultTableName), j => j[TableLayout.SK].S.EndsWith(writerA.Journal, StringComparison.Ordinal));
        writerA.Client.Resume.SetResult();
        await writerA.Write;
        Assert.Equal(PausedEdition.LineupSize, (int)(await api.FestivalRowAsync(writerA.Festival))["latestEdition"]!["bandCount"]!);
    }

    private static async Task AssertBusyAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.True(retryAfter >= TimeSpan.FromSeconds(1), $"Retry-After: {response.Headers.RetryAfter}");
        var error = (await response.JsonAsync())["error"]!;
        Assert.Equal("SERVICE_UNAVAILABLE", (string?)error["code"]);
        Assert.Equal((int)retryAfter!.Value.TotalSeconds, (int)error["details"]!["retryAfterSeconds"]!);
    }
}
