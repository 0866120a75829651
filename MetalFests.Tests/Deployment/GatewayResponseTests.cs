using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MetalFests.Gateway.RateLimiting;
using MetalFests.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MetalFests.Tests.Deployment;

/// <summary>
/// What API Gateway answers itself (an unknown path, a missing key, its throttling and quota, an integration timeout
/// or failure, …) is the seed's error envelope with the status, code and <c>Retry-After</c> the local system gives for
/// the same situation — read from the synthesized template's gateway responses, rendered as API Gateway renders them
/// (plain substitution of <c>$context</c> variables, no VTL), and parsed.
/// </summary>
[Collection(DeploymentCollection.Name)]
public sealed class GatewayResponseTests(SynthesizedApp app)
{
    /// <summary>A request id as API Gateway writes it (a UUID).</summary>
    private const string SampleRequestId = "c6af9ac6-7b61-11e6-9a41-93e8deadbeef";

    /// <summary>
    /// Every type API Gateway can answer with for this API (Lambda proxies, API keys, usage plans, a parameter
    /// validator; no authorizer, IAM signing, body model or WAF on the stage), with the seed's status and the
    /// application's code for the same situation; null status: a catch-all, which keeps API Gateway's.
    /// </summary>
    public static TheoryData<string, int?, string> Expected => new()
    {
        // Unknown path: the local gateway's 404 (AWS's default: 403 "Missing Authentication Token").
        { "MISSING_AUTHENTICATION_TOKEN", 404, ErrorCodes.ResourceNotFound },
        { "RESOURCE_NOT_FOUND", 404, ErrorCodes.ResourceNotFound },
        // Missing or invalid key: the seed's 401 (AWS's default: 403 "Forbidden").
        { "INVALID_API_KEY", 401, ErrorCodes.Unauthorized },
        { "THROTTLED", 429, ErrorCodes.RateLimitExceeded },
        { "QUOTA_EXCEEDED", 429, ErrorCodes.RateLimitExceeded },
        { "BAD_REQUEST_PARAMETERS", 400, ErrorCodes.ValidationError },
        { "REQUEST_TOO_LARGE", 413, ErrorCodes.PayloadTooLarge },
        // Backend unavailable or too slow: the seed's 503 (AWS's default: 504).
        { "INTEGRATION_FAILURE", 503, ErrorCodes.ServiceUnavailable },
        { "INTEGRATION_TIMEOUT", 503, ErrorCodes.ServiceUnavailable },
        { "API_CONFIGURATION_ERROR", 500, ErrorCodes.InternalError },
        { "DEFAULT_4XX", null, ErrorCodes.ValidationError },
        { "DEFAULT_5XX", null, ErrorCodes.InternalError },
    };

    [Fact]
    public void EveryGatewayResponseTypeThatCanOccurHasAnEnvelopeTemplate()
    {
        var expected = Expected.Select(row => (string)row[0]).Order();
        Assert.Equal(expected, Responses().Keys.Order());
        Assert.All(Responses().Values, response =>
            Assert.Equal(["application/json"], response["ResponseTemplates"]!.AsObject().Select(t => t.Key)));
    }

    [Theory]
    [MemberData(nameof(Expected))]
    public void StatusAndCodeAreTheLocalSystemsForTheSameSituation(string type, int? status, string code)
    {
        var response = Responses()[type];
        Assert.Equal(status?.ToString(System.Globalization.CultureInfo.InvariantCulture), response["StatusCode"]?.GetValue<string>());
        Assert.Equal(code, Render(type)["error"]!["code"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Expected))]
    public void TemplateRendersToTheSeedsEnvelope(string type, int? status, string code)
    {
        _ = status;
        var error = Render(type)["error"]!.AsObject();
        // The seed's "Standard Error Response" but its timestamp, which no template variable can give (README).
        Assert.Equal(["code", "message", "details", "requestId"], error.Select(p => p.Key));
        Assert.Equal(code, error["code"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(error["message"]!.GetValue<string>()));
        Assert.IsType<JsonObject>(error["details"]);
        Assert.Equal(SampleRequestId, error["requestId"]!.GetValue<string>());

        // The application's own envelope type reads it (a missing timestamp is left at its default, not an error).
        var parsed = JsonSerializer.Deserialize(RenderText(type), ErrorsJsonContext.Default.ErrorEnvelope)!;
        Assert.Equal(code, parsed.Error.Code);
        Assert.Equal(SampleRequestId, parsed.Error.RequestId);
    }

    [Theory]
    [MemberData(nameof(Expected))]
    public void TemplatesSubstituteOnlyVariablesThatCannotBreakTheJson(string type, int? status, string code)
    {
        _ = (status, code);
        var template = Template(type);
        // API Gateway escapes nothing it substitutes: only a UUID and an upper-case type name may be substituted,
        // and only inside a JSON string.
        var variables = Regex.Matches(template, @"\$[A-Za-z][A-Za-z0-9_.]*").Select(m => m.Value).Distinct();
        Assert.All(variables, v => Assert.Contains(v, new[] { "$context.requestId", "$context.error.responseType" }));
        Assert.DoesNotMatch(@"[^""]\$context|\$context\.[A-Za-z.]+[^""A-Za-z.]", template);
    }

    [Fact]
    public void WithoutATimestampEveryClientReadsTheEnvelopeWhichTheTimeVariablesWouldBreak()
    {
        // The generated client (Kiota) reads error bodies as its ErrorEnvelope: the rendered template, with no timestamp, reads.
        var read = KiotaEnvelope(RenderText("INVALID_API_KEY"));
        Assert.Equal(ErrorCodes.Unauthorized, read.Error!.Code);
        Assert.Equal(SampleRequestId, read.Error.RequestId);
        Assert.Null(read.Error.Timestamp);

        // What the template could put there instead: $context.requestTime (CLF) or $context.requestTimeEpoch (ms). The
        // application's own type (System.Text.Json, DateTime) refuses both; the lenient generated client makes nothing of them.
        var clf = WithTimestamp(@"""01/Dec/2026:03:32:00 +0000""");
        var epoch = WithTimestamp("1796095920000");
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(clf, ErrorsJsonContext.Default.ErrorEnvelope));
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(epoch, ErrorsJsonContext.Default.ErrorEnvelope));
        Assert.Null(KiotaEnvelope(clf).Error!.Timestamp);
        Assert.Null(KiotaEnvelope(epoch).Error!.Timestamp);
    }

    private string WithTimestamp(string value) =>
        RenderText("INVALID_API_KEY").Replace(@"""requestId""", $@"""timestamp"":{value},""requestId""", StringComparison.Ordinal);

    private static Client.Generated.Models.ErrorEnvelope KiotaEnvelope(string json)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        var node = new Microsoft.Kiota.Serialization.Json.JsonParseNodeFactory().GetRootParseNodeAsync("application/json", stream).GetAwaiter().GetResult();
        return node.GetObjectValue(Client.Generated.Models.ErrorEnvelope.CreateFromDiscriminatorValue);
    }

    [Fact]
    public void CatchAllsKeepApiGatewaysStatusAndNameTheTypeInTheDetails()
    {
        // AWS: a status set on DEFAULT_4XX/DEFAULT_5XX becomes the status of every type left to them.
        foreach (var type in new[] { "DEFAULT_4XX", "DEFAULT_5XX" })
        {
            Assert.Null(Responses()[type]["StatusCode"]);
            Assert.Equal(type, Render(type)["error"]!["details"]!["gatewayResponse"]!.GetValue<string>());
        }
    }

    [Theory]
    [InlineData("THROTTLED")]
    [InlineData("QUOTA_EXCEEDED")]
    [InlineData("INTEGRATION_FAILURE")]
    [InlineData("INTEGRATION_TIMEOUT")]
    public void RateLimitsAndOutagesCarryRetryAfter(string type)
    {
        var seconds = RetryAfter(type);
        Assert.NotNull(seconds);
        Assert.True(seconds > 0, $"{type}: Retry-After {seconds}");
        var error = Render(type)["error"]!;
        if (error["code"]!.GetValue<string>() == ErrorCodes.ServiceUnavailable)
        {
            // As the local 503s: the same number in details.retryAfterSeconds.
            Assert.Equal(seconds, error["details"]![ApiError.RetryAfterDetail]!.GetValue<int>());
        }
        else
        {
            // As the local 429: the message says the same wait, and no cache keeps it.
            Assert.Contains($"retry after {seconds} seconds", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal("'no-store'", Header(type, "Cache-Control"));
        }
    }

    [Fact]
    public void ThrottlingAnswersAsTheLocalEdgeDoesWhenABucketIsEmpty()
    {
        // The local edge, its admin plan drained (the slowest bucket, so the longest wait it can ask for).
        var limits = new RateLimitOptions();
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(limits.AdminRatePerSecond, limits.AdminBurst, time);
        TimeSpan? wait;
        while ((wait = bucket.TryTake()) is null)
        {
        }
        var local = LocalAnswer(new Rejection(RateLimitPolicies.Admin, limits.AdminBurst, 0, wait.Value, time.GetUtcNow() + wait.Value).WriteAsync);

        Assert.Equal(local.Status.ToString(System.Globalization.CultureInfo.InvariantCulture), Responses()["THROTTLED"]["StatusCode"]!.GetValue<string>());
        Assert.Equal(local.RetryAfter, RetryAfter("THROTTLED"));
        var rendered = Render("THROTTLED")["error"]!;
        Assert.Equal(local.Body["error"]!["code"]!.GetValue<string>(), rendered["code"]!.GetValue<string>());
        Assert.Equal(local.Body["error"]!["message"]!.GetValue<string>(), rendered["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("INTEGRATION_TIMEOUT", 504)]
    [InlineData("INTEGRATION_FAILURE", 502)]
    public void IntegrationTimeoutAndFailureAnswerAsTheLocalGatewayDoesForADownOrSlowService(string type, int proxyStatus)
    {
        _ = proxyStatus;
        // The local gateway's error pages turn its proxy's 502/504 into this (ApiErrorsExtensions.UseApiStatusCodePages).
        var local = LocalAnswer(ApiError.ServiceUnavailable.ToResult);
        Assert.Equal(local.Status.ToString(System.Globalization.CultureInfo.InvariantCulture), Responses()[type]["StatusCode"]!.GetValue<string>());
        Assert.Equal(local.RetryAfter, RetryAfter(type));
        var rendered = Render(type)["error"]!;
        Assert.Equal(local.Body["error"]!["code"]!.GetValue<string>(), rendered["code"]!.GetValue<string>());
        Assert.Equal(local.Body["error"]!["details"]!.ToJsonString(), rendered["details"]!.ToJsonString());
    }

    [Fact]
    public void GatewayAnswersGetCorsAndSecurityHeadersFromCloudFrontAsTheServicesAnswersDo()
    {
        // Neither the services nor API Gateway add CORS or security headers: CloudFront's response headers policies add
        // them to every response of the API's behaviours, API Gateway's own answers included.
        Assert.All(Responses(), response =>
        {
            var headers = response.Value["ResponseParameters"]?.AsObject().Select(p => p.Key) ?? [];
            Assert.DoesNotContain(headers, h => h.StartsWith("gatewayresponse.header.Access-Control-", StringComparison.OrdinalIgnoreCase));
        });
        foreach (var path in new[] { "/api/festivals", "/api/unknown", "/api/admin/stats" })
        {
            Assert.NotNull(app.BehaviourFor(path)["ResponseHeadersPolicyId"]);
        }
        var unknown = app.Referenced(app.BehaviourFor("/api/unknown")["ResponseHeadersPolicyId"]!, "ResponseHeadersPolicyConfig");
        Assert.True(unknown["CorsConfig"]!["OriginOverride"]!.GetValue<bool>());
    }

    /// <summary>Response type → the gateway response's properties.</summary>
    private Dictionary<string, JsonObject> Responses() =>
        app.Resources("AWS::ApiGateway::GatewayResponse")
            .Select(r => r.Resource["Properties"]!.AsObject())
            .ToDictionary(p => p["ResponseType"]!.GetValue<string>());

    private string Template(string type) => Responses()[type]["ResponseTemplates"]!["application/json"]!.GetValue<string>();

    /// <summary>The template with its variables substituted as API Gateway does: the value as it is, nothing escaped.</summary>
    private string RenderText(string type) => Template(type)
        .Replace("$context.requestId", SampleRequestId, StringComparison.Ordinal)
        .Replace("$context.error.responseType", type, StringComparison.Ordinal);

    private JsonNode Render(string type) => JsonNode.Parse(RenderText(type))!;

    private string? Header(string type, string name) =>
        Responses()[type]["ResponseParameters"]?[$"gatewayresponse.header.{name}"]?.GetValue<string>();

    private int? RetryAfter(string type) =>
        Header(type, "Retry-After") is { } quoted ? int.Parse(quoted.Trim('\''), System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>What the local code writes for a request: status, Retry-After, body.</summary>
    private static (int Status, int? RetryAfter, JsonNode Body) LocalAnswer(Func<HttpContext, Task> write)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Response.Body = new MemoryStream();
        write(context).GetAwaiter().GetResult();
        context.Response.Body.Position = 0;
        var retryAfter = context.Response.Headers.RetryAfter.ToString();
        return (context.Response.StatusCode, retryAfter.Length == 0 ? null : int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture), JsonNode.Parse(context.Response.Body)!);
    }

    private static (int Status, int? RetryAfter, JsonNode Body) LocalAnswer(Func<HttpContext, Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<ErrorEnvelope>> result) =>
        LocalAnswer(context => result(context).ExecuteAsync(context));
}
