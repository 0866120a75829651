using System.Net;
using System.Text;
using MetalFests.ServiceDefaults.Security;
using MetalFests.Tests.Infrastructure;
using static MetalFests.Tests.AdminApi.Given;

namespace MetalFests.Tests.AdminApi;

/// <summary>
/// Write requests refused before they reach storage, over HTTP: a 400 <c>VALIDATION_ERROR</c> naming the bad field
/// (413 for a body too large, 415 for a body not declared as JSON), and nothing written.
/// </summary>
[Collection(WritesCollection.Name)]
public sealed class WriteValidationTests(WritesFixture fixture)
{
    private readonly HttpClient api = fixture.Gateway;

    /// <summary>
    /// A request with one bad field, and a page that must still be 404 after it. <c>{key}</c> stands for a new
    /// unique key, <c>{festival}</c> for a festival the test creates first.
    /// </summary>
    private sealed record BadBody(string Method, string Path, string Body, string Field, string StillMissing);

    private const string Edition = """{ "dates": { "start": "2030-06-17", "end": "2030-06-20" }, "bands": [{ "key": "metallica", "size": 1 }] """;
    private const string EditionPath = "/api/festivals/{festival}/editions/2030";

    private static readonly Dictionary<string, BadBody> Cases = new()
    {
        ["malformed JSON"] = new("POST", "/api/admin/bands", """{ "key": "{key}", "name": "Band {key}", """, "body", "/api/bands/{key}"),
        ["an unknown field"] = new("POST", "/api/admin/bands", """{ "key": "{key}", "name": "Band {key}", "colour": "black" }""", "colour", "/api/bands/{key}"),
        ["a missing required field"] = new("POST", "/api/admin/festivals", """{ "key": "{key}", "location": "Clisson, France" }""", "name", "/api/festivals/{key}"),
        ["a number for a string"] = new("POST", "/api/admin/genres", """{ "key": "{key}", "name": 42 }""", "name", "/api/genres/{key}"),
        ["a string for a boolean"] = new("POST", "/api/admin/bands", """{ "key": "{key}", "name": "Band {key}", "reviewed": "yes" }""", "reviewed", "/api/bands/{key}"),
        ["a URL without a scheme"] = new("POST", "/api/admin/bands", """{ "key": "{key}", "name": "Band {key}", "website": "www.example.com" }""", "website", "/api/bands/{key}"),
        ["a latitude beyond 90"] = new("POST", "/api/admin/festivals",
            """{ "key": "{key}", "name": "Fest {key}", "location": "Clisson, France", "coordinates": { "lat": 91, "lng": -1.27 } }""", "coordinates.lat", "/api/festivals/{key}"),
        ["a negative ticketPrice"] = new("PUT", EditionPath, Edition + """, "ticketPrice": -1 }""", "ticketPrice", EditionPath),
        ["an unknown currency"] = new("PUT", EditionPath, Edition + """, "currency": "EURO" }""", "currency", EditionPath),
        ["an unknown status"] = new("PUT", EditionPath, Edition + """, "status": "postponed" }""", "status", EditionPath),
        ["a size of 4"] = new("PUT", EditionPath, """{ "dates": { "start": "2030-06-17", "end": "2030-06-20" }, "bands": [{ "key": "metallica", "size": 4 }] }""", "bands[0].size", EditionPath),
        ["an invalid key in the line-up"] = new("PUT", EditionPath, """{ "dates": { "start": "2030-06-17", "end": "2030-06-20" }, "bands": [{ "key": "Metallica", "size": 1 }] }""", "bands[0].key", EditionPath),
        // Upper case is not a key: it must be refused, not quietly stored lower-cased.
        ["an invalid key in the body"] = new("POST", "/api/admin/roles", """{ "key": "Role-{key}", "name": "Role {key}", "category": "voice" }""", "key", "/api/roles/role-{key}"),
        ["an unknown role category"] = new("POST", "/api/admin/roles", """{ "key": "{key}", "name": "Role {key}", "category": "brass" }""", "category", "/api/roles/{key}"),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task A_bad_field_is_400_naming_it_and_writes_nothing(string @case)
    {
        var bad = Cases[@case];
        var key = AdminRequests.UniqueKey("bad");
        var festival = bad.Path.Contains("{festival}", StringComparison.Ordinal) ? await api.FestivalAsync() : "";
        string Fill(string text) => text.Replace("{key}", key, StringComparison.Ordinal).Replace("{festival}", festival, StringComparison.Ordinal);

        var error = await api.SendAsync(new HttpMethod(bad.Method), Fill(bad.Path), Fill(bad.Body)).ExpectInvalidFieldAsync(bad.Field);

        // The reason says what is wrong, never echoing the body.
        Assert.DoesNotContain(key, error.GetProperty("details").GetProperty("reason").GetString());
        await api.ExpectNotFoundAsync(Fill(bad.StillMissing));
    }

    public static TheoryData<string, string, string> InvalidPaths => new()
    {
        { "PUT", "/api/admin/bands/Not_A_Key", "key" },
        { "PUT", "/api/bands/-leading-hyphen", "key" },
        { "DELETE", "/api/admin/bands/UPPER", "key" },
        { "PUT", "/api/admin/genres/two--hyphens", "key" },
        { "PUT", "/api/admin/festivals/Bad_Fest", "key" },
        { "PUT", "/api/festivals/Bad_Fest/editions/2030", "key" },
        { "PUT", "/api/admin/festivals/{festival}/editions/20x0", "year" },
        { "DELETE", "/api/admin/festivals/{festival}/editions/1800", "year" },
    };

    [Theory]
    [MemberData(nameof(InvalidPaths))]
    public async Task An_invalid_key_or_year_in_the_path_is_400_naming_the_parameter_and_writes_nothing(string method, string path, string parameter)
    {
        var festival = await api.FestivalAsync();
        var marker = AdminRequests.UniqueKey("never");
        var body = new { name = marker, location = "Clisson, France", category = "voice" };

        await api.SendAsync(new HttpMethod(method), path.Replace("{festival}", festival, StringComparison.Ordinal), method == "DELETE" ? null : body)
            .ExpectInvalidParameterAsync(parameter);

        Assert.Empty((await api.FreshAsync($"/api/bands?q={marker}"))["bands"]!.AsArray());
        Assert.Empty((await api.FreshAsync($"/api/festivals?q={marker}"))["festivals"]!.AsArray());
        Assert.DoesNotContain(marker, (await api.FreshAsync("/api/genres")).ToJsonString());
        var row = await api.FestivalRowAsync(festival);
        Assert.Equal(0, (int)row["totalEditions"]!);
    }

    [Fact]
    public async Task A_PUT_whose_body_key_differs_from_the_path_is_400_on_key_and_changes_neither_band()
    {
        var band = await api.BandAsync();
        var other = AdminRequests.UniqueKey("band");

        await api.AdminPutAsync($"/api/bands/{band}", AdminRequests.Band(other, "Changed")).ExpectInvalidFieldAsync("key");

        var page = await api.ReadAsync($"/api/bands/{band}");
        Assert.Equal(BandName(band), (string?)page.Json["band"]!["name"]);
        Assert.Equal("\"1\"", page.ETag);
        await api.ExpectNotFoundAsync($"/api/bands/{other}");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_over_256_KB_is_413_payload_too_large_and_writes_nothing(bool chunked)
    {
        var key = AdminRequests.UniqueKey("band");
        var json = $$"""{ "key": "{{key}}", "name": "Band {{key}}", "description": "{{new string('x', 257 * 1024)}}" }""";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/bands");
        request.Headers.Add(RequestHeaders.ApiKey, AppFixture.AdminKey);
        // Without a length the body comes chunked: the limit holds all the same.
        request.Content = chunked ? new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes(json))) : new StringContent(json, Encoding.UTF8);
        request.Content.Headers.ContentType = new("application/json");

        await api.SendAsync(request).ExpectErrorAsync(HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE");

        await api.ExpectNotFoundAsync($"/api/bands/{key}");
    }

    [Fact]
    public async Task A_body_declared_as_text_plain_is_415_naming_Content_Type_and_writes_nothing()
    {
        var key = AdminRequests.UniqueKey("genre");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/genres")
        {
            Content = new StringContent($$"""{ "key": "{{key}}", "name": "Genre {{key}}" }""", Encoding.UTF8, "text/plain"),
        };
        request.Headers.Add(RequestHeaders.ApiKey, AppFixture.AdminKey);

        var error = await api.SendAsync(request).ExpectErrorAsync(HttpStatusCode.UnsupportedMediaType, "VALIDATION_ERROR");

        Assert.Equal("Content-Type", error.GetProperty("details").GetProperty("field").GetString());
        await api.ExpectNotFoundAsync($"/api/genres/{key}");
    }

    /// <summary>A body whose length the client cannot tell, so it is sent chunked.</summary>
    [Theory]
    [InlineData("application/json", "{ \"paths\": [", HttpStatusCode.BadRequest, "body")]
    [InlineData("application/json", "", HttpStatusCode.BadRequest, "body")]
    [InlineData("text/plain", "{ \"paths\": [\"/api/bands/metallica\"] }", HttpStatusCode.UnsupportedMediaType, "Content-Type")]
    public async Task An_unreadable_invalidation_is_refused_naming_the_body_or_Content_Type_and_evicts_nothing(string contentType, string body, HttpStatusCode status, string field)
    {
        const string page = "/api/bands/metallica";
        await api.PrimeAsync(page);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/cache/invalidate") { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Add(RequestHeaders.ApiKey, AppFixture.AdminKey);

        var error = await api.SendAsync(request).ExpectErrorAsync(status, "VALIDATION_ERROR");

        Assert.Equal(field, error.GetProperty("details").GetProperty("field").GetString());
        using var cached = await api.GetAsync(page);
        Assert.Equal("Hit", cached.Headers.GetValues("X-Cache").Single());
    }

    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
