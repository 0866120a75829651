using System.Net;
using System.Text.Json.Nodes;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.ClientContract;

/// <summary>
/// What a client developer reads in the documents: every write declares its body (a PATCH as
/// <c>application/merge-patch+json</c>), every error status is the error envelope with an example of that
/// status's code, the examples are what the API really answers, and <c>servers</c> is where the document was read.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class OpenApiDocumentContractTests(AppFixture fixture)
{
    private static readonly string[] Writes = ["post", "put", "patch"];

    /// <summary>The error code of each status, as the API's error table gives them.</summary>
    private static readonly Dictionary<string, string[]> CodesByStatus = new()
    {
        ["400"] = ["VALIDATION_ERROR"],
        ["401"] = ["UNAUTHORIZED"],
        ["403"] = ["FORBIDDEN"],
        ["404"] = ["RESOURCE_NOT_FOUND"],
        ["405"] = ["METHOD_NOT_ALLOWED"],
        ["409"] = ["RESOURCE_ALREADY_EXISTS", "REFERENTIAL_INTEGRITY_ERROR"],
        ["412"] = ["PRECONDITION_FAILED"],
        ["413"] = ["PAYLOAD_TOO_LARGE"],
        ["415"] = ["VALIDATION_ERROR"],
        ["422"] = ["REFERENTIAL_INTEGRITY_ERROR"],
        ["429"] = ["RATE_LIMIT_EXCEEDED"],
        ["500"] = ["INTERNAL_ERROR"],
        ["503"] = ["SERVICE_UNAVAILABLE"],
    };

    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/openapi/v2.json")]
    public async Task Every_write_declares_its_body_and_a_patch_takes_a_merge_patch(string path)
    {
        var operations = Operations(await DocumentAsync(path)).Where(o => Writes.Contains(o.Method)).ToList();

        Assert.NotEmpty(operations);
        Assert.All(operations, o =>
        {
            var content = o.Operation["requestBody"]?["content"]?.AsObject();
            Assert.True(content is { Count: 1 }, $"{o.Method} {o.Path} declares no request body");
            var mediaType = content!.Single().Key;
            Assert.Equal(o.Method == "patch" ? "application/merge-patch+json" : "application/json", mediaType);
            Assert.NotNull(content[mediaType]!["schema"]);
        });
    }

    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/openapi/v2.json")]
    public async Task Every_error_status_is_the_envelope_with_an_example_of_its_code(string path)
    {
        var document = await DocumentAsync(path);
        var errors = Operations(document)
            .SelectMany(o => o.Operation["responses"]!.AsObject().Where(r => r.Key[0] is '4' or '5').Select(r => (o.Method, o.Path, Status: r.Key, Response: r.Value!)))
            .ToList();

        Assert.Contains(errors, e => e.Status == "404");
        Assert.All(errors, e =>
        {
            var json = e.Response["content"]!["application/json"]!;
            Assert.Equal("#/components/schemas/ErrorEnvelope", (string?)json["schema"]!["$ref"]);
            var code = (string?)json["example"]?["error"]?["code"];
            Assert.True(code is not null && CodesByStatus[e.Status].Contains(code), $"{e.Method} {e.Path} {e.Status}: example code {code ?? "missing"}");
        });
    }

    [Theory]
    [InlineData("/api/festivals/{key}", "/api/festivals/invalid-key", "404")]
    [InlineData("/api/bands/{key}", "/api/bands/Hellfest!", "400")]
    [InlineData("/api/bands", "/api/bands?limit=0", "400")]
    [InlineData("/api/festivals/{key}/editions/{year}", "/api/festivals/hellfest/editions/2027", "404")]
    [InlineData("/api/genres/{key}", "/api/genres/invalid-key", "404")]
    [InlineData("/api/festivals.ics", "/api/festivals.ics?festivals=hellfest,Wacken%20Open%20Air", "400")]
    public async Task A_documented_error_example_is_what_the_api_answers(string operationPath, string request, string status)
    {
        var example = (await DocumentAsync("/openapi/v1.json"))["paths"]![operationPath]!["get"]!["responses"]![status]!["content"]!["application/json"]!["example"]!["error"]!;

        using var response = await fixture.Gateway.GetAsync(request);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;

        Assert.Equal(status, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((string?)answer["code"], (string?)example["code"]);
        Assert.Equal((string?)answer["message"], (string?)example["message"]);
        Assert.Equal(answer["details"]!.ToJsonString(), example["details"]!.ToJsonString());
    }

    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/openapi/v2.json")]
    [InlineData("/openapi/catalog-v2.json")]
    public async Task The_document_names_the_address_it_was_read_at_as_its_server(string path)
    {
        var servers = (await DocumentAsync(path))["servers"]!.AsArray();

        var server = Assert.Single(servers);
        Assert.Equal(fixture.Gateway.BaseAddress!.GetLeftPart(UriPartial.Authority), (string?)server!["url"]);
    }

    [Fact]
    public async Task A_patch_with_another_content_type_is_the_documented_415()
    {
        var documented = (await DocumentAsync("/openapi/v1.json"))["paths"]!["/api/bands/{key}"]!["patch"]!["responses"]!.AsObject();
        using var request = new HttpRequestMessage(HttpMethod.Patch, "/api/bands/no-such-band") { Content = new StringContent("""{"name": "x"}""", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", AppFixture.AdminKey);

        using var response = await fixture.Gateway.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.True(documented.ContainsKey("415"));
    }

    private async Task<JsonNode> DocumentAsync(string path) => JsonNode.Parse(await fixture.Gateway.GetStringAsync(path))!;

    private static IEnumerable<(string Path, string Method, JsonNode Operation)> Operations(JsonNode document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(o => o.Key is "get" or "post" or "put" or "patch" or "delete")
            .Select(o => (path.Key, o.Key, o.Value!)));
}
