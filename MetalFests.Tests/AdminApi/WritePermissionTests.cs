using System.Net;
using MetalFests.ServiceDefaults;
using MetalFests.ServiceDefaults.Security;
using MetalFests.Tests.Infrastructure;
using static MetalFests.Tests.AdminApi.Given;

namespace MetalFests.Tests.AdminApi;

/// <summary>
/// Who may call what, over every admin endpoint: no key or an unknown one is 401, a key without the permission
/// 403, and a refused write changes nothing. A key with the permission gets past the check: a request that
/// is wrong in another way (body, unknown key) shows it by the 400/404/422 it earns instead.
/// </summary>
[Collection(WritesCollection.Name)]
public sealed class WritePermissionTests(WritesFixture fixture)
{
    private readonly HttpClient api = fixture.Gateway;

    /// <summary>A request, and for a write the check that it left everything as it was.</summary>
    private sealed record Call(HttpMethod Method, string Path, object? Body = null, Func<Task>? AssertUnchanged = null, string ContentType = "application/json");

    /// <summary>
    /// One endpoint, named "METHOD /template" as its OpenAPI document names it: the permission it needs, a call
    /// that would succeed (set up on entities of its own), and a harmless call with the status it earns.
    /// </summary>
    private sealed record Endpoint(Permission Needed, Func<WritePermissionTests, Task<Call>> Effective, Func<Call> Harmless, HttpStatusCode HarmlessStatus);

    private static readonly Dictionary<string, Endpoint> Endpoints = new()
    {
        ["POST /api/admin/festivals"] = new(Permission.Write,
            t => t.NewAsync("/api/admin/festivals", key => AdminRequests.Festival(key, FestivalName(key)), key => $"/api/festivals/{key}"),
            () => new(HttpMethod.Post, "/api/admin/festivals", new { }), HttpStatusCode.BadRequest),
        ["PUT /api/admin/festivals/{key}"] = new(Permission.Write,
            async t =>
            {
                var festival = await t.api.FestivalAsync();
                return new(HttpMethod.Put, $"/api/admin/festivals/{festival}", AdminRequests.Festival(festival, "Renamed"),
                    () => t.AssertNameAsync($"/api/festivals/{festival}", "festival", FestivalName(festival)));
            },
            () => new(HttpMethod.Put, $"/api/admin/festivals/{Unknown()}", AdminRequests.Festival(null)), HttpStatusCode.NotFound),
        ["GET /api/admin/festivals/{key}"] = new(Permission.Read,
            async t => new Call(HttpMethod.Get, $"/api/admin/festivals/{await t.api.FestivalAsync()}"),
            () => new(HttpMethod.Get, $"/api/admin/festivals/{Unknown()}"), HttpStatusCode.NotFound),
        ["PUT /api/festivals/{key}/editions/{year}"] = new(Permission.Write,
            t => t.NewEditionAsync(festival => EditionPath(festival)),
            () => new(HttpMethod.Put, EditionPath(Unknown()), new { }), HttpStatusCode.BadRequest),
        ["PUT /api/admin/festivals/{key}/editions/{year}"] = new(Permission.Write,
            t => t.NewEditionAsync(festival => $"/api/admin/festivals/{festival}/editions/{Year}"),
            () => new(HttpMethod.Put, $"/api/admin/festivals/{Unknown()}/editions/{Year}", AdminRequests.Edition(Year, ["metallica"])), HttpStatusCode.NotFound),
        ["DELETE /api/admin/festivals/{key}/editions/{year}"] = new(Permission.Delete,
            async t =>
            {
                var festival = await t.api.FestivalAsync();
                await t.api.EditionAsync(festival, Year, "metallica");
                return new(HttpMethod.Delete, $"/api/admin/festivals/{festival}/editions/{Year}", null, () => t.api.ReadAsync(EditionPath(festival)));
            },
            () => new(HttpMethod.Delete, $"/api/admin/festivals/{Unknown()}/editions/{Year}"), HttpStatusCode.NotFound),
        ["POST /api/admin/bands"] = new(Permission.Write,
            t => t.NewAsync("/api/admin/bands", key => AdminRequests.Band(key, BandName(key)), key => $"/api/bands/{key}"),
            () => new(HttpMethod.Post, "/api/admin/bands", AdminRequests.Band(Unknown(), "Band", genres: [Unknown()])), HttpStatusCode.UnprocessableEntity),
        ["PUT /api/admin/bands/{key}"] = new(Permission.Write,
            t => t.RenameAsync("band", key => $"/api/admin/bands/{key}"),
            () => new(HttpMethod.Put, $"/api/admin/bands/{Unknown()}", AdminRequests.Band(null, "Band")), HttpStatusCode.NotFound),
        ["PUT /api/bands/{key}"] = new(Permission.Write,
            t => t.RenameAsync("band", key => $"/api/bands/{key}"),
            () => new(HttpMethod.Put, $"/api/bands/{Unknown()}", new { }), HttpStatusCode.BadRequest),
        ["DELETE /api/admin/bands/{key}"] = new(Permission.Delete,
            async t =>
            {
                var band = await t.api.BandAsync();
                return new(HttpMethod.Delete, $"/api/admin/bands/{band}", null, () => t.api.ReadAsync($"/api/bands/{band}"));
            },
            () => new(HttpMethod.Delete, $"/api/admin/bands/{Unknown()}"), HttpStatusCode.NotFound),
        ["POST /api/admin/bands/validate"] = new(Permission.Read,
            _ => Task.FromResult(new Call(HttpMethod.Post, "/api/admin/bands/validate", new { bandRefs = new[] { "metallica" } })),
            () => new(HttpMethod.Post, "/api/admin/bands/validate", new { }), HttpStatusCode.BadRequest),
        ["POST /api/admin/genres"] = new(Permission.Write,
            t => t.NewAsync("/api/admin/genres", key => new { key, name = "Genre " + key }, key => $"/api/genres/{key}"),
            () => new(HttpMethod.Post, "/api/admin/genres", new { }), HttpStatusCode.BadRequest),
        ["PUT /api/admin/genres/{key}"] = new(Permission.Write,
            t => t.RenameAsync("genre", key => $"/api/admin/genres/{key}"),
            () => new(HttpMethod.Put, $"/api/admin/genres/{Unknown()}", new { name = "Genre" }), HttpStatusCode.NotFound),
        ["POST /api/admin/roles"] = new(Permission.Write,
            t => t.NewAsync("/api/admin/roles", key => new { key, name = "Role " + key, category = "voice" }, key => $"/api/roles/{key}"),
            () => new(HttpMethod.Post, "/api/admin/roles", new { key = Unknown(), name = "Role", category = "brass" }), HttpStatusCode.BadRequest),
        ["PUT /api/admin/roles/{key}"] = new(Permission.Write,
            t => t.RenameAsync("role", key => $"/api/admin/roles/{key}"),
            () => new(HttpMethod.Put, $"/api/admin/roles/{Unknown()}", new { name = "Role", category = "voice" }), HttpStatusCode.NotFound),
        ["PATCH /api/admin/festivals/{key}"] = new(Permission.Write,
            async t =>
            {
                var festival = await t.api.FestivalAsync();
                return new(HttpMethod.Patch, $"/api/admin/festivals/{festival}", new { name = "Renamed" },
                    () => t.AssertNameAsync($"/api/festivals/{festival}", "festival", FestivalName(festival)), MediaTypes.MergePatch);
            },
            () => new(HttpMethod.Patch, $"/api/admin/festivals/{Unknown()}", new { name = "Renamed" }, null, MediaTypes.MergePatch), HttpStatusCode.NotFound),
        ["PATCH /api/festivals/{key}/editions/{year}"] = new(Permission.Write,
            t => t.RepriceEditionAsync(festival => EditionPath(festival)),
            () => new(HttpMethod.Patch, EditionPath(Unknown()), new { ticketPrice = 1 }, null, MediaTypes.MergePatch), HttpStatusCode.NotFound),
        ["PATCH /api/admin/festivals/{key}/editions/{year}"] = new(Permission.Write,
            t => t.RepriceEditionAsync(festival => $"/api/admin/festivals/{festival}/editions/{Year}"),
            () => new(HttpMethod.Patch, $"/api/admin/festivals/{Unknown()}/editions/{Year}", new { ticketPrice = 1 }, null, MediaTypes.MergePatch), HttpStatusCode.NotFound),
        ["PATCH /api/admin/bands/{key}"] = new(Permission.Write,
            t => t.PatchNameAsync("band", key => $"/api/admin/bands/{key}"),
            () => new(HttpMethod.Patch, $"/api/admin/bands/{Unknown()}", new { name = "Renamed" }, null, MediaTypes.MergePatch), HttpStatusCode.NotFound),
        ["PATCH /api/bands/{key}"] = new(Permission.Write,
            t => t.PatchNameAsync("band", key => $"/api/bands/{key}"),
            () => new(HttpMethod.Patch, $"/api/bands/{Unknown()}", new { name = "Renamed" }, null, MediaTypes.MergePatch), HttpStatusCode.NotFound),
        ["PATCH /api/admin/genres/{key}"] = new(Permission.Write,
            t => t.PatchNameAsync("genre", key => $"/api/admin/genres/{key}"),
            () => new(HttpMethod.Patch, $"/api/admin/genres/{Unknown()}", new { name = "Renamed" }, null, MediaTypes.MergePatch), HttpStatusCode.NotFound),
        ["PATCH /api/admin/roles/{key}"] = new(Permission.Write,
            t => t.PatchNameAsync("role", key => $"/api/admin/roles/{key}"),
            () => new(HttpMethod.Patch, $"/api/admin/roles/{Unknown()}", new { name = "Renamed" }, null, MediaTypes.MergePatch), HttpStatusCode.NotFound),
        ["GET /api/admin/health"] = new(Permission.Read,
            _ => Task.FromResult(new Call(HttpMethod.Get, "/api/admin/health")),
            () => new(HttpMethod.Get, "/api/admin/health"), HttpStatusCode.OK),
        ["GET /api/admin/stats"] = new(Permission.Read,
            _ => Task.FromResult(new Call(HttpMethod.Get, "/api/admin/stats")),
            () => new(HttpMethod.Get, "/api/admin/stats"), HttpStatusCode.OK),
        ["GET /api/admin/audit"] = new(Permission.Read,
            _ => Task.FromResult(new Call(HttpMethod.Get, "/api/admin/audit")),
            () => new(HttpMethod.Get, "/api/admin/audit?limit=0"), HttpStatusCode.BadRequest),
        ["POST /api/admin/cache/invalidate"] = new(Permission.Write,
            async t =>
            {
                // A cached page the invalidation would evict: still a hit afterwards.
                const string page = "/api/bands/metallica";
                await t.api.PrimeAsync(page);
                return new(HttpMethod.Post, "/api/admin/cache/invalidate", new { paths = new[] { page } }, async () =>
                {
                    using var response = await t.api.GetAsync(page);
                    Assert.Equal("Hit", response.Headers.GetValues("X-Cache").Single());
                });
            },
            () => new(HttpMethod.Post, "/api/admin/cache/invalidate", new { paths = Array.Empty<string>() }), HttpStatusCode.BadRequest),
        ["GET /api/admin/cache/status"] = new(Permission.Read,
            _ => Task.FromResult(new Call(HttpMethod.Get, "/api/admin/cache/status?id=I0000000000000000")),
            () => new(HttpMethod.Get, $"/api/admin/cache/status?id=I{Guid.NewGuid():N}"), HttpStatusCode.NotFound),
    };

    /// <summary>The keys configured for the tests, by the name the theories show.</summary>
    private static readonly Dictionary<string, (string Key, Permission Permission)> Keys = new()
    {
        ["viewer"] = (AppFixture.ViewerKey, Permission.Read),
        ["editor"] = (AppFixture.EditorKey, Permission.Write),
        ["admin"] = (AppFixture.AdminKey, Permission.Delete),
    };

    public static TheoryData<string> AllEndpoints => [.. Endpoints.Keys];

    public static TheoryData<string> WriteEndpoints => [.. Endpoints.Where(e => e.Value.Needed >= Permission.Write).Select(e => e.Key)];

    public static TheoryData<string> DeleteEndpoints => [.. Endpoints.Where(e => e.Value.Needed == Permission.Delete).Select(e => e.Key)];

    public static TheoryData<string, string> PermittedCalls
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (endpoint, definition) in Endpoints)
            {
                foreach (var (name, key) in Keys.Where(k => k.Value.Permission >= definition.Needed))
                {
                    data.Add(endpoint, name);
                }
            }
            return data;
        }
    }

    [Fact]
    public async Task The_matrix_covers_every_admin_and_write_endpoint_the_api_documents()
    {
        var document = await api.FreshAsync("/openapi/v1.json");
        var documented = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Where(p => Methods.Contains(p.Key)).Select(operation => $"{operation.Key.ToUpperInvariant()} {path.Key}"))
            .Where(operation => operation.Contains("/api/admin/", StringComparison.Ordinal) || !IsRead(operation));

        Assert.Equal(documented.Order(StringComparer.Ordinal), Endpoints.Keys.Order(StringComparer.Ordinal));

        static bool IsRead(string operation) => operation.StartsWith("GET ", StringComparison.Ordinal) || operation.StartsWith("HEAD ", StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllEndpoints))]
    public Task Without_a_key_every_admin_endpoint_is_401_and_changes_nothing(string endpoint) =>
        RefusedAsync(endpoint, key: null, HttpStatusCode.Unauthorized, "UNAUTHORIZED");

    [Theory]
    [MemberData(nameof(AllEndpoints))]
    public Task An_unknown_key_is_401_on_every_admin_endpoint_and_changes_nothing(string endpoint) =>
        RefusedAsync(endpoint, "not-a-configured-key", HttpStatusCode.Unauthorized, "UNAUTHORIZED");

    public static TheoryData<string, string> UnreadableBodies
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var endpoint in Endpoints.Keys.Where(e => e.StartsWith("POST ", StringComparison.Ordinal) || e.StartsWith("PUT ", StringComparison.Ordinal)))
            {
                data.Add(endpoint, "application/json");
                data.Add(endpoint, "text/plain");
            }
            return data;
        }
    }

    /// <summary>The key is checked before the body is even read: a caller without one learns nothing about its request.</summary>
    [Theory]
    [MemberData(nameof(UnreadableBodies))]
    public async Task Without_a_key_a_body_that_cannot_be_read_is_still_401(string endpoint, string contentType)
    {
        var call = await Endpoints[endpoint].Effective(this);
        using var request = new HttpRequestMessage(call.Method, call.Path) { Content = new StringContent("{ \"paths\": [", System.Text.Encoding.UTF8, contentType) };

        await api.SendAsync(request).ExpectErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");

        if (call.AssertUnchanged is { } assertUnchanged)
        {
            await assertUnchanged();
        }
    }

    [Theory]
    [MemberData(nameof(WriteEndpoints))]
    public Task A_read_key_is_403_on_every_write_and_delete_endpoint_and_changes_nothing(string endpoint) =>
        RefusedAsync(endpoint, AppFixture.ViewerKey, HttpStatusCode.Forbidden, "FORBIDDEN");

    [Theory]
    [MemberData(nameof(DeleteEndpoints))]
    public Task A_write_key_is_403_on_the_delete_endpoints_and_changes_nothing(string endpoint) =>
        RefusedAsync(endpoint, AppFixture.EditorKey, HttpStatusCode.Forbidden, "FORBIDDEN");

    [Theory]
    [MemberData(nameof(PermittedCalls))]
    public async Task A_key_with_the_permission_gets_past_the_check_to_the_request_itself(string endpoint, string key)
    {
        var definition = Endpoints[endpoint];
        var call = definition.Harmless();

        using var response = await api.SendAsync(call.Method, call.Path, call.Body, Keys[key].Key, contentType: call.ContentType);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == definition.HarmlessStatus, $"{endpoint} with the {key} key: {(int)response.StatusCode} {body}");
        Assert.DoesNotContain("UNAUTHORIZED", body, StringComparison.Ordinal);
        Assert.DoesNotContain("FORBIDDEN", body, StringComparison.Ordinal);
    }

    private async Task RefusedAsync(string endpoint, string? key, HttpStatusCode status, string code)
    {
        var definition = Endpoints[endpoint];
        var call = await definition.Effective(this);

        var error = await api.SendAsync(call.Method, call.Path, call.Body, key, contentType: call.ContentType).ExpectErrorAsync(status, code);

        if (status == HttpStatusCode.Forbidden)
        {
            Assert.Equal(definition.Needed.ToString().ToLowerInvariant(), error.GetProperty("details").GetProperty("requiredPermission").GetString());
        }
        if (call.AssertUnchanged is { } assertUnchanged)
        {
            await assertUnchanged();
        }
    }

    private static readonly HashSet<string> Methods = ["get", "put", "post", "delete", "patch", "head", "options"];

    private static string Unknown() => AdminRequests.UniqueKey("unknown");

    /// <summary>A POST creating a new key; afterwards the entity must still not exist.</summary>
    private Task<Call> NewAsync(string path, Func<string, object> body, Func<string, string> page)
    {
        var key = AdminRequests.UniqueKey("new");
        return Task.FromResult(new Call(HttpMethod.Post, path, body(key), async () => await api.ExpectNotFoundAsync(page(key))));
    }

    /// <summary>An edition created on a new festival; afterwards the festival must still have none.</summary>
    private async Task<Call> NewEditionAsync(Func<string, string> path)
    {
        var festival = await api.FestivalAsync();
        return new(HttpMethod.Put, path(festival), AdminRequests.Edition(Year, ["metallica"]), async () => await api.ExpectNotFoundAsync(EditionPath(festival)));
    }

    /// <summary>A rename of a band, genre or role of the test's own; afterwards its name must be the one it had.</summary>
    private async Task<Call> RenameAsync(string kind, Func<string, string> path)
    {
        var key = await api.CreateAsync(kind);
        var name = await api.NameAsync(kind, key);
        return new(HttpMethod.Put, path(key), CatalogEntity.Replacement(kind, "Renamed"), async () => Assert.Equal(name, await api.NameAsync(kind, key)));
    }

    /// <summary>A merge patch of the name of a band, genre or role of the test's own; afterwards its name must be the one it had.</summary>
    private async Task<Call> PatchNameAsync(string kind, Func<string, string> path)
    {
        var key = await api.CreateAsync(kind);
        var name = await api.NameAsync(kind, key);
        return new(HttpMethod.Patch, path(key), new { name = "Renamed" }, async () => Assert.Equal(name, await api.NameAsync(kind, key)), MediaTypes.MergePatch);
    }

    /// <summary>A merge patch of an edition's price on a new festival; afterwards the price must be the one it had.</summary>
    private async Task<Call> RepriceEditionAsync(Func<string, string> path)
    {
        var festival = await api.FestivalAsync();
        await api.EditionAsync(festival, Year, "metallica");
        var price = (decimal?)(await api.FreshAsync(EditionPath(festival)))["edition"]!["ticketPrice"];
        return new(HttpMethod.Patch, path(festival), new { ticketPrice = 1 },
            async () => Assert.Equal(price, (decimal?)(await api.FreshAsync(EditionPath(festival)))["edition"]!["ticketPrice"]), MediaTypes.MergePatch);
    }

    private async Task AssertNameAsync(string path, string entity, string name) =>
        Assert.Equal(name, (string?)(await api.FreshAsync(path))[entity]!["name"]);
}
