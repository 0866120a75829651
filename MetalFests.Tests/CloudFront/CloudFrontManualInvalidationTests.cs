using System.Net;
using MetalFests.Tests.AdminApi;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.CloudFront;

/// <summary>
/// Deployed with CloudFront, the festivals service answers the seed's manual invalidation and its status
/// against CloudFront (CreateInvalidation / GetInvalidation), with the gateway's contract, checks and envelope.
/// </summary>
[Collection(WritesCollection.Name)]
public sealed class CloudFrontManualInvalidationTests(WritesFixture fixture) : IAsyncLifetime
{
    private const string InvalidatePath = "/api/admin/cache/invalidate";
    private CloudFrontDeployment _aws = null!;

    public async Task InitializeAsync() => _aws = await CloudFrontDeployment.StartAsync(fixture);

    public async Task DisposeAsync() => await _aws.DisposeAsync();

    [Fact]
    public async Task The_seed_example_creates_a_CloudFront_invalidation_whose_status_is_CloudFronts()
    {
        string[] paths = ["/api/festivals/*", "/api/bands/metallica"];

        var answer = await _aws.Festivals.AdminPostAsync(InvalidatePath, new { paths, reason = "test" }).ExpectAsync(HttpStatusCode.OK);

        var create = Assert.Single(_aws.CloudFront.Calls);
        Assert.Empty(create.Problems);
        Assert.Equal(paths, create.Paths);
        Assert.True((bool)answer.Json["success"]!);
        Assert.Equal("InProgress", (string?)answer.Json["status"]);
        Assert.Equal(paths, answer.Json["paths"]!.AsArray().Select(p => (string)p!));
        Assert.True(DateTime.TryParse((string?)answer.Json["estimatedCompletion"], out _));
        var id = (string)answer.Json["invalidationId"]!;

        var status = await _aws.Festivals.SendAsync(HttpMethod.Get, $"/api/admin/cache/status?id={id}", null, AppFixture.ViewerKey).ExpectAsync(HttpStatusCode.OK);

        var get = _aws.CloudFront.Calls.Last();
        Assert.Empty(get.Problems);
        Assert.Equal($"/2020-05-31/distribution/{FakeCloudFront.DistributionId}/invalidation/{id}", get.Path);
        Assert.Equal(id, (string?)status.Json["invalidationId"]);
        Assert.Equal("Completed", (string?)status.Json["status"]);
        Assert.Equal(paths, status.Json["paths"]!.AsArray().Select(p => (string)p!));
    }

    [Fact]
    public async Task An_unknown_invalidation_is_not_found()
    {
        var error = await _aws.Festivals.SendAsync(HttpMethod.Get, "/api/admin/cache/status?id=INOSUCHONE", null, AppFixture.ViewerKey)
            .ExpectErrorAsync(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");

        Assert.Equal("INOSUCHONE", error.GetProperty("details").GetProperty("key").GetString());
    }

    [Theory]
    [InlineData(FakeAnswer.Throttling, HttpStatusCode.TooManyRequests, "RATE_LIMIT_EXCEEDED")]
    [InlineData(FakeAnswer.TooManyInvalidationsInProgress, HttpStatusCode.TooManyRequests, "RATE_LIMIT_EXCEEDED")]
    [InlineData(FakeAnswer.ServerError, HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE")]
    [InlineData(FakeAnswer.Hangs, HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE")]
    public async Task CloudFronts_refusals_come_back_in_the_envelope_with_a_time_to_retry(FakeAnswer failure, HttpStatusCode status, string code)
    {
        _aws.CloudFront.Answer = failure;

        using var response = await _aws.Festivals.AdminPostAsync(InvalidatePath, new { paths = new[] { "/api/bands/metallica" } });

        var error = await Task.FromResult(response).ExpectErrorAsync(status, code);
        Assert.Equal("cloudfront", error.GetProperty("details").GetProperty("provider").GetString());
        var retryAfter = Assert.Single(response.Headers.GetValues("Retry-After"));
        Assert.True(int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized, "UNAUTHORIZED")]
    [InlineData(AppFixture.ViewerKey, HttpStatusCode.Forbidden, "FORBIDDEN")]
    public async Task Invalidating_needs_a_key_with_write_permission(string? key, HttpStatusCode status, string code)
    {
        await _aws.Festivals.SendAsync(HttpMethod.Post, InvalidatePath, new { paths = new[] { "/api/bands/metallica" } }, key).ExpectErrorAsync(status, code);

        Assert.Empty(_aws.CloudFront.Calls);
    }

    [Fact]
    public async Task Paths_are_checked_before_CloudFront_is_called()
    {
        var error = await _aws.Festivals.AdminPostAsync(InvalidatePath, new { paths = new[] { "/api/bands/*/festivals" } })
            .ExpectErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");

        Assert.Equal("paths[0]", error.GetProperty("details").GetProperty("field").GetString());

        Assert.Empty(_aws.CloudFront.Calls);
    }
}
