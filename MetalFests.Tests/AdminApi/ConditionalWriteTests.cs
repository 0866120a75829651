using System.Net;
using System.Net.Http.Json;
using MetalFests.ServiceDefaults.Security;
using MetalFests.Tests.Infrastructure;
using static MetalFests.Tests.AdminApi.CatalogEntity;
using static MetalFests.Tests.AdminApi.Given;

namespace MetalFests.Tests.AdminApi;

/// <summary>
/// Optimistic concurrency: a band's, genre's or role's page carries its version as <c>ETag</c>; a write with
/// <c>If-Match</c> happens only if that is still the version, else 412 <c>PRECONDITION_FAILED</c> and nothing changes.
/// </summary>
[Collection(WritesCollection.Name)]
public sealed class ConditionalWriteTests(WritesFixture fixture)
{
    private readonly HttpClient api = fixture.Gateway;

    public static TheoryData<string> Kinds => ["band", "genre", "role"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_page_carries_the_version_as_its_ETag(string kind)
    {
        var key = await api.CreateAsync(kind);
        Assert.Equal("\"1\"", (await api.ReadAsync(PagePath(kind, key))).ETag);

        var answer = await api.AdminPutAsync(ReplacePath(kind, key), Replacement(kind, "Renamed")).ExpectAsync(HttpStatusCode.OK);

        var version = (long)answer.Json[kind]!["version"]!;
        Assert.Equal(2, version);
        Assert.Equal($"\"{version}\"", answer.ETag);
        Assert.Equal($"\"{version}\"", (await api.ReadAsync(PagePath(kind, key))).ETag);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_PUT_with_If_Match_of_the_current_ETag_is_200_with_the_next_ETag(string kind)
    {
        var key = await api.CreateAsync(kind);
        var etag = (await api.ReadAsync(PagePath(kind, key))).ETag!;

        var answer = await api.AdminPutAsync(ReplacePath(kind, key), Replacement(kind, "Renamed"), ifMatch: etag).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("\"1\"", etag);
        Assert.Equal("\"2\"", answer.ETag);
        Assert.Equal("Renamed", await api.NameAsync(kind, key));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_PUT_with_a_stale_ETag_is_412_and_changes_nothing(string kind)
    {
        var key = await api.CreateAsync(kind);
        await api.AdminPutAsync(ReplacePath(kind, key), Replacement(kind, "First edit", category: "wind")).ExpectAsync(HttpStatusCode.OK);

        var error = await api.AdminPutAsync(ReplacePath(kind, key), Replacement(kind, "Lost edit", category: "other"), ifMatch: "\"1\"")
            .ExpectErrorAsync(HttpStatusCode.PreconditionFailed, "PRECONDITION_FAILED");

        error.AssertRefused(Resource(kind), key);
        Assert.Equal("\"2\"", error.GetProperty("details").GetProperty("currentETag").GetString());
        var page = await api.ReadAsync(PagePath(kind, key));
        Assert.Equal("\"2\"", page.ETag);
        Assert.Equal("First edit", (string?)page.Json[kind]!["name"]);
        if (kind == "role")
        {
            Assert.Equal("wind", (string?)page.Json[kind]!["category"]);
        }
    }

    [Fact]
    public async Task A_DELETE_with_a_stale_ETag_is_412_and_keeps_the_band()
    {
        var band = await api.CreateAsync("band");
        await api.AdminPutAsync(ReplacePath("band", band), Replacement("band", "Edited")).ExpectAsync(HttpStatusCode.OK);

        var error = await api.AdminDeleteAsync($"/api/admin/bands/{band}", ifMatch: "\"1\"").ExpectErrorAsync(HttpStatusCode.PreconditionFailed, "PRECONDITION_FAILED");

        Assert.Equal("\"2\"", error.GetProperty("details").GetProperty("currentETag").GetString());
        Assert.Equal("Edited", await api.NameAsync("band", band));
    }

    [Theory]
    [InlineData("\"1\"")]
    [InlineData("*")]
    public async Task If_Match_on_an_edition_that_does_not_exist_is_412_and_creates_nothing(string ifMatch)
    {
        var festival = await api.FestivalAsync();

        var error = await api.AdminPutAsync(EditionPath(festival), AdminRequests.Edition(Year, ["metallica"]), ifMatch: ifMatch)
            .ExpectErrorAsync(HttpStatusCode.PreconditionFailed, "PRECONDITION_FAILED");

        error.AssertRefused("Edition", $"{festival}/{Year}");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, error.GetProperty("details").GetProperty("currentETag").ValueKind);
        await api.ExpectNotFoundAsync(EditionPath(festival));
        Assert.Equal(0, (int)(await api.FestivalRowAsync(festival))["totalEditions"]!);
    }

    [Fact]
    public async Task If_Match_star_on_an_existing_band_applies_whatever_its_version()
    {
        var band = await api.CreateAsync("band");
        await api.AdminPutAsync(ReplacePath("band", band), Replacement("band", "First")).ExpectAsync(HttpStatusCode.OK);

        var answer = await api.AdminPutAsync(ReplacePath("band", band), Replacement("band", "Second"), ifMatch: "*").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("\"3\"", answer.ETag);
        Assert.Equal("Second", await api.NameAsync("band", band));
    }

    [Fact]
    public async Task A_create_with_If_Match_is_412_and_creates_nothing()
    {
        var band = AdminRequests.UniqueKey("ifmatch-create");

        await api.SendAsync(HttpMethod.Post, "/api/admin/bands", AdminRequests.Band(band, "Never"), ifMatch: "\"1\"")
            .ExpectErrorAsync(HttpStatusCode.PreconditionFailed, "PRECONDITION_FAILED");

        await api.ExpectNotFoundAsync($"/api/bands/{band}");
    }

    public static TheoryData<string> MalformedIfMatch => ["\"abc\"", "W/\"1\"", "1", "\"-1\"", "\"1\", \"2\"", "\"1"];

    [Theory]
    [MemberData(nameof(MalformedIfMatch))]
    public async Task A_malformed_If_Match_is_412_and_changes_nothing(string ifMatch)
    {
        var band = await api.CreateAsync("band");
        using var request = new HttpRequestMessage(HttpMethod.Put, ReplacePath("band", band))
        {
            Content = JsonContent.Create(Replacement("band", "Renamed")),
        };
        request.Headers.Add(RequestHeaders.ApiKey, AppFixture.AdminKey);
        Assert.True(request.Headers.TryAddWithoutValidation("If-Match", ifMatch));

        var error = await api.SendAsync(request).ExpectErrorAsync(HttpStatusCode.PreconditionFailed, "PRECONDITION_FAILED");

        Assert.Equal("If-Match", error.GetProperty("details").GetProperty("header").GetString());
        var page = await api.ReadAsync(PagePath("band", band));
        Assert.Equal("\"1\"", page.ETag);
        Assert.Equal(BandName(band), (string?)page.Json["band"]!["name"]);
    }
}
