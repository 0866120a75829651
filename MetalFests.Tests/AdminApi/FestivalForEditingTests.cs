using System.Net;
using System.Text.Json.Nodes;
using MetalFests.Tests.Infrastructure;
using static MetalFests.Tests.AdminApi.Given;

namespace MetalFests.Tests.AdminApi;

/// <summary>
/// <c>GET /api/admin/festivals/{key}</c>: what an editor loads before writing a festival or an edition back —
/// every entity at its current version, so that the write can carry it as <c>If-Match</c>.
/// </summary>
[Collection(WritesCollection.Name)]
public sealed class FestivalForEditingTests(WritesFixture fixture)
{
    private readonly HttpClient api = fixture.Gateway;

    private Task<Answer> ReadForEditingAsync(string festival) =>
        api.SendAsync(HttpMethod.Get, $"/api/admin/festivals/{festival}", null).ExpectAsync(HttpStatusCode.OK);

    [Fact]
    public async Task It_names_the_festival_and_every_edition_as_last_written_newest_first()
    {
        var festival = await api.FestivalAsync();
        var renamed = await api.AdminPutAsync($"/api/admin/festivals/{festival}", AdminRequests.Festival(festival, "Renamed " + festival)).ExpectAsync(HttpStatusCode.OK);
        await api.EditionAsync(festival, Year, "metallica");
        var replaced = await api.AdminPutAsync(EditionPath(festival), AdminRequests.Edition(Year, ["metallica", "iron-maiden"], size: 2)).ExpectAsync(HttpStatusCode.OK);
        var next = await api.EditionAsync(festival, Year + 1, "iron-maiden");

        var read = await ReadForEditingAsync(festival);

        AssertSameEntity(renamed.Json["festival"]!, read.Json["festival"]!);
        Assert.Equal("\"2\"", read.ETag);
        var editions = read.Json["editions"]!.AsArray();
        Assert.Equal([Year + 1, Year], editions.Select(e => (int)e!["year"]!));
        AssertSameEntity(next.Json["edition"]!, editions[0]!);
        AssertSameEntity(replaced.Json["edition"]!, editions[1]!);
        Assert.Equal(2, (long)editions[1]!["version"]!);
    }

    [Fact]
    public async Task An_edition_written_with_the_version_read_applies_and_the_version_read_before_it_is_412()
    {
        var festival = await api.FestivalAsync();
        await api.EditionAsync(festival, Year, "metallica");
        var before = ETagOf((await ReadForEditingAsync(festival)).Json["editions"]![0]!);

        await api.AdminPutAsync(EditionPath(festival), AdminRequests.Edition(Year, ["iron-maiden"]), ifMatch: before).ExpectAsync(HttpStatusCode.OK);
        var after = ETagOf((await ReadForEditingAsync(festival)).Json["editions"]![0]!);
        var error = await api.AdminPutAsync(EditionPath(festival), AdminRequests.Edition(Year, ["metallica"]), ifMatch: before)
            .ExpectErrorAsync(HttpStatusCode.PreconditionFailed, "PRECONDITION_FAILED");

        Assert.Equal("\"1\"", before);
        Assert.Equal("\"2\"", after);
        Assert.Equal(after, error.GetProperty("details").GetProperty("currentETag").GetString());
        Assert.Equal(["iron-maiden"], (await api.FreshAsync(EditionPath(festival)))["edition"]!["bands"]!.AsArray().Select(b => (string?)b!["key"]));
    }

    [Fact]
    public async Task A_festival_written_with_the_ETag_read_applies()
    {
        var festival = await api.FestivalAsync();
        var etag = (await ReadForEditingAsync(festival)).ETag!;

        var answer = await api.AdminPutAsync($"/api/admin/festivals/{festival}", AdminRequests.Festival(festival, "Edited"), ifMatch: etag).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("\"1\"", etag);
        Assert.Equal("\"2\"", answer.ETag);
        Assert.Equal("Edited", (string?)(await ReadForEditingAsync(festival)).Json["festival"]!["name"]);
    }

    private static string ETagOf(JsonNode entity) => $"\"{(long)entity["version"]!}\"";

    /// <summary>The same entity at the same version: every field the write answered with, the read shows alike.</summary>
    private static void AssertSameEntity(JsonNode written, JsonNode read) =>
        Assert.True(JsonNode.DeepEquals(written, read), $"written {written.ToJsonString()}, read {read.ToJsonString()}");
}
