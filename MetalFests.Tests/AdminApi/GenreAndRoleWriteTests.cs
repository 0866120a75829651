using System.Net;
using MetalFests.Tests.Infrastructure;
using static MetalFests.Tests.AdminApi.Answers;
using static MetalFests.Tests.AdminApi.CatalogEntity;
using static MetalFests.Tests.AdminApi.Given;

namespace MetalFests.Tests.AdminApi;

/// <summary>
/// <c>POST /api/admin/genres</c>, <c>/roles</c> and <c>PUT …/{key}</c>: what a band's page copies of a genre or
/// a role (name, category) follows a change of it.
/// </summary>
[Collection(WritesCollection.Name)]
public sealed class GenreAndRoleWriteTests(WritesFixture fixture)
{
    private readonly HttpClient api = fixture.Gateway;

    public static TheoryData<string> Kinds => ["genre", "role"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Creating_is_201_with_the_entity_and_creating_its_key_again_is_409(string kind)
    {
        var key = AdminRequests.UniqueKey(kind);
        var name = $"{Resource(kind)} {key}";

        var answer = await api.AdminPostAsync($"/api/admin/{kind}s", Creation(kind, key, name)).ExpectAsync(HttpStatusCode.Created);
        var again = await api.AdminPostAsync($"/api/admin/{kind}s", Creation(kind, key, "Another " + name))
            .ExpectErrorAsync(HttpStatusCode.Conflict, "RESOURCE_ALREADY_EXISTS");

        Assert.Equal("\"1\"", answer.ETag);
        Assert.Equal(PagePath(kind, key), answer.Location);
        Assert.True((bool)answer.Json["success"]!);
        var written = answer.Json[kind]!;
        Assert.Equal(1, (long)written["version"]!);
        Assert.Equal((string?)written["createdAt"], (string?)written["updatedAt"]);
        await api.AssertInvalidationAsync(answer.Json["cacheInvalidation"]!, $"/api/{kind}s", $"/api/{kind}s/{key}/*");
        again.AssertRefused(Resource(kind), key);
        var expected = kind == "genre"
            ? $$"""{ "key": "{{key}}", "name": "{{name}}", "description": "Created by a test", "bandCount": 0 }"""
            : $$"""{ "key": "{{key}}", "name": "{{name}}", "category": "wind", "description": "Created by a test", "bandMemberCount": 0 }""";
        var page = await api.ReadAsync(PagePath(kind, key));
        AssertJson(expected, page.Json[kind]);
        Assert.Equal("\"1\"", page.ETag);
        var rows = (await api.FreshAsync($"/api/{kind}s"))[$"{kind}s"]!.AsArray();
        Assert.Equal(name, (string?)Assert.Single(rows, r => (string?)r!["key"] == key)!["name"]);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Updating_is_200_with_the_next_version_and_keeps_the_count_of_bands(string kind)
    {
        var key = await api.CreateAsync(kind);
        await api.BandAsync(genres: kind == "genre" ? [key] : null, members: kind == "role" ? [("Member", [key])] : null);
        // Counting the band changed the entity too: its page shows the count, so its version moved on.
        Assert.Equal("\"2\"", (await api.ReadAsync(PagePath(kind, key))).ETag);

        var answer = await api.AdminPutAsync(ReplacePath(kind, key), Replacement(kind, "Renamed " + key)).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("\"3\"", answer.ETag);
        Assert.Null(answer.Location);
        var written = answer.Json[kind]!;
        Assert.Equal(3, (long)written["version"]!);
        Assert.Equal("Renamed " + key, (string?)written["name"]);
        Assert.Equal(1, (int)written[kind == "genre" ? "bandCount" : "bandMemberCount"]!);
        Assert.Equal("Renamed " + key, await api.NameAsync(kind, key));
        Assert.Equal(1, kind == "genre" ? await api.BandCountAsync(key) : await api.BandMemberCountAsync(key));
    }

    [Fact]
    public async Task Renaming_a_genre_shows_on_the_pages_and_list_rows_of_its_bands()
    {
        var (renamed, untouched) = (await api.GenreAsync(), await api.GenreAsync());
        var band = await api.BandAsync(genres: [untouched, renamed]);
        await api.PrimeAsync($"/api/bands/{band}", $"/api/bands?q={band}");

        await api.AdminPutAsync($"/api/admin/genres/{renamed}", new { name = "Blackened Polka", description = "Renamed by a test" }).ExpectAsync(HttpStatusCode.OK);

        foreach (var page in await api.CachedAndFreshAsync($"/api/bands/{band}"))
        {
            AssertJson($$"""
                [
                  { "key": "{{untouched}}", "name": "Genre {{untouched}}", "description": null },
                  { "key": "{{renamed}}", "name": "Blackened Polka", "description": "Renamed by a test" }
                ]
                """, page["genres"]);
        }
        foreach (var list in await api.CachedAndFreshAsync($"/api/bands?q={band}"))
        {
            var row = Assert.Single(list["bands"]!.AsArray())!;
            Assert.Equal([$"Genre {untouched}", "Blackened Polka"], row["genreNames"]!.AsArray().Select(n => (string?)n));
        }
    }

    [Fact]
    public async Task Changing_a_role_category_shows_on_the_pages_of_its_bands()
    {
        var role = await api.RoleAsync("string");
        var band = await api.BandAsync(members: [("Keys and strings", [role])]);
        await api.PrimeAsync($"/api/bands/{band}");

        await api.AdminPutAsync($"/api/admin/roles/{role}", new { name = "Keytar", category = "keyboard" }).ExpectAsync(HttpStatusCode.OK);

        foreach (var page in await api.CachedAndFreshAsync($"/api/bands/{band}"))
        {
            AssertJson($$"""[{ "key": "{{role}}", "name": "Keytar", "category": "keyboard" }]""", page["roles"]);
        }
        Assert.Equal("keyboard", (string?)(await api.FreshAsync($"/api/roles/{role}"))["role"]!["category"]);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Updating_a_missing_key_is_404_and_creates_nothing(string kind)
    {
        var key = AdminRequests.UniqueKey("no-" + kind);

        var error = await api.AdminPutAsync(ReplacePath(kind, key), Replacement(kind, "Ghost")).ExpectErrorAsync(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");

        error.AssertRefused(Resource(kind), key);
        await api.ExpectNotFoundAsync(PagePath(kind, key));
    }

    private static object Creation(string kind, string key, string name) => kind == "genre"
        ? new { key, name, description = "Created by a test" }
        : new { key, name, category = "wind", description = "Created by a test" };
}
