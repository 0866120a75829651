using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MetalFests.ServiceDefaults.Security;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.Edge;

[Collection(AppCollection.Name)]
public sealed class InvalidationTests(AppFixture fixture)
{
    private const string InvalidatePath = "/api/admin/cache/invalidate";

    [Fact]
    public async Task An_exact_path_evicts_that_path_with_any_query_and_nothing_else()
    {
        string[] targets = ["/api/roles/drums", "/api/roles/drums?limit=1"];
        string[] bystanders = ["/api/roles/drums/members?limit=1", "/api/roles/vocals"];
        await WarmAsync([.. targets, .. bystanders]);

        using var response = await InvalidateAsync(AppFixture.AdminKey, "/api/roles/drums");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var url in targets)
        {
            Assert.Equal("Miss", await CacheStatusAsync(url));
        }
        foreach (var url in bystanders)
        {
            Assert.Equal("Hit", await CacheStatusAsync(url));
        }
    }

    [Fact]
    public async Task A_prefix_wildcard_evicts_everything_below_it()
    {
        string[] below = ["/api/genres/black-metal", "/api/genres/death-metal/bands?limit=2"];
        await WarmAsync([.. below, "/api/genres", "/api/bands/within-temptation"]);

        using var response = await InvalidateAsync(AppFixture.AdminKey, "/api/genres/*");

        foreach (var url in below)
        {
            Assert.Equal("Miss", await CacheStatusAsync(url));
        }
        Assert.Equal("Hit", await CacheStatusAsync("/api/genres"));
        Assert.Equal("Hit", await CacheStatusAsync("/api/bands/within-temptation"));
    }

    [Fact]
    public async Task The_response_and_the_status_follow_the_seed_example()
    {
        await WarmAsync(["/api/festivals/wacken-open-air"]);

        using var response = await InvalidateAsync(AppFixture.AdminKey, "/api/festivals/wacken-open-air", "/api/bands/*");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;

        Assert.True(root.GetProperty("success").GetBoolean());
        Assert.Equal(["/api/festivals/wacken-open-air", "/api/bands/*"], root.GetProperty("paths").EnumerateArray().Select(p => p.GetString()));
        Assert.True(DateTime.TryParse(root.GetProperty("estimatedCompletion").GetString(), out _));
        Assert.True(root.GetProperty("evictedEntries").GetInt32() >= 1);
        var id = root.GetProperty("invalidationId").GetString();

        using var status = new HttpRequestMessage(HttpMethod.Get, $"/api/admin/cache/status?id={id}");
        status.Headers.Add(RequestHeaders.ApiKey, AppFixture.ViewerKey);
        using var statusResponse = await fixture.Gateway.SendAsync(status);
        using var statusBody = JsonDocument.Parse(await statusResponse.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, statusResponse.StatusCode);
        Assert.Equal(root.GetProperty("status").GetString(), statusBody.RootElement.GetProperty("status").GetString());
        Assert.Equal("dev", statusBody.RootElement.GetProperty("requestedBy").GetString());
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized, "UNAUTHORIZED")]
    [InlineData("not-a-configured-key", HttpStatusCode.Unauthorized, "UNAUTHORIZED")]
    [InlineData(AppFixture.ViewerKey, HttpStatusCode.Forbidden, "FORBIDDEN")]
    public async Task Invalidating_needs_a_key_with_write_permission(string? key, HttpStatusCode status, string code)
    {
        await WarmAsync(["/api/roles/bass"]);

        using var response = await InvalidateAsync(key, "/api/roles/bass");

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, (await Envelope.ReadAsync(response)).GetProperty("code").GetString());
        Assert.Equal("Hit", await CacheStatusAsync("/api/roles/bass"));
    }

    [Theory]
    [InlineData("paths[1]", "/api/festivals", "/api/fest*vals")]
    [InlineData("paths[0]", "api/festivals")]
    [InlineData("paths[0]", "/api/festivals?limit=1")]
    [InlineData("paths[0]", "/api/../admin")]
    [InlineData("paths[0]", "/other/path")]
    [InlineData("paths")]
    public async Task Bad_patterns_are_rejected_naming_the_path_and_evict_nothing(string field, params string[] paths)
    {
        await WarmAsync(["/api/festivals"]);

        using var response = await InvalidateAsync(AppFixture.AdminKey, paths);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await Envelope.ReadAsync(response);
        Assert.Equal("VALIDATION_ERROR", error.GetProperty("code").GetString());
        Assert.Equal(field, error.GetProperty("details").GetProperty("field").GetString());
        Assert.Equal("Hit", await CacheStatusAsync("/api/festivals"));
    }

    [Fact]
    public async Task Unknown_fields_are_rejected_naming_each_and_evict_nothing()
    {
        await WarmAsync(["/api/genres"]);
        using var request = new HttpRequestMessage(HttpMethod.Post, InvalidatePath)
        {
            Content = JsonContent.Create(new { paths = new[] { "/api/genres" }, reason = "test", distributionId = "E123", priority = 1 }),
        };
        request.Headers.Add(RequestHeaders.ApiKey, AppFixture.AdminKey);

        using var response = await fixture.Gateway.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await Envelope.ReadAsync(response);
        Assert.Equal("VALIDATION_ERROR", error.GetProperty("code").GetString());
        Assert.Equal("distributionId", error.GetProperty("details").GetProperty("field").GetString());
        Assert.Equal(["distributionId", "priority"], error.GetProperty("details").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("field").GetString()));
        Assert.Equal("Hit", await CacheStatusAsync("/api/genres"));
    }

    private async Task WarmAsync(IEnumerable<string> urls)
    {
        foreach (var url in urls)
        {
            (await fixture.Gateway.GetAsync(url)).Dispose();
            Assert.Equal("Hit", await CacheStatusAsync(url));
        }
    }

    private async Task<string?> CacheStatusAsync(string url)
    {
        using var response = await fixture.Gateway.GetAsync(url);
        return response.Headers.TryGetValues("X-Cache", out var values) ? values.Single() : null;
    }

    private async Task<HttpResponseMessage> InvalidateAsync(string? key, params string[] paths)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, InvalidatePath) { Content = JsonContent.Create(new { paths, reason = "test" }) };
        if (key is not null)
        {
            request.Headers.Add(RequestHeaders.ApiKey, key);
        }
        return await fixture.Gateway.SendAsync(request);
    }
}
