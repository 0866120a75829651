using System.Net;
using MetalFests.ServiceDefaults.Security;
using MetalFests.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;

namespace MetalFests.Tests.Edge;

/// <summary>Each limit of the seed, with small configured values, on the real gateway run in-process.</summary>
public sealed class RateLimitTests
{
    private const string AdminKey = "rate-limit-test-key";
    private const string Path = "/api/no-such-thing";   // answered by the gateway itself: no service needed

    private static InProcessGateway Gateway(params (string Key, string Value)[] limits)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Gateway:RateLimits:PerIpLimit"] = "1000",
            ["Gateway:RateLimits:PublicBurst"] = "1000",
            ["Gateway:RateLimits:PublicRatePerSecond"] = "1000",
            ["ApiKeys:0:Id"] = "tester",
            ["ApiKeys:0:Hash"] = ApiKeyAuthenticator.HashOf(AdminKey),
            ["ApiKeys:0:Permission"] = "Write",
        };
        foreach (var (key, value) in limits)
        {
            settings["Gateway:RateLimits:" + key] = value;
        }
        return new InProcessGateway(settings);
    }

    [Fact]
    public async Task Over_the_per_ip_limit_a_client_gets_429_in_the_envelope_with_retry_headers()
    {
        using var gateway = Gateway(("PerIpLimit", "3"));
        using var client = gateway.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await client.GetAsync(Path)).StatusCode);
        }
        using var rejected = await client.GetAsync(Path);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.NotFound, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        var error = await Envelope.ReadAsync(rejected);
        Assert.Equal("RATE_LIMIT_EXCEEDED", error.GetProperty("code").GetString());
        var details = error.GetProperty("details");
        Assert.Equal("per-ip", details.GetProperty("policy").GetString());
        Assert.Equal(3, details.GetProperty("limit").GetInt32());
        Assert.Equal(0, details.GetProperty("remaining").GetInt32());
        Assert.True(details.GetProperty("reset").GetInt64() > gateway.Clock.GetUtcNow().ToUnixTimeSeconds());
        Assert.True(rejected.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("3", rejected.Headers.GetValues("RateLimit-Limit").Single());
        Assert.Equal("0", rejected.Headers.GetValues("RateLimit-Remaining").Single());
        Assert.True(int.Parse(rejected.Headers.GetValues("RateLimit-Reset").Single()) > 0);
    }

    [Fact]
    public async Task X_forwarded_for_from_an_untrusted_client_does_not_escape_the_per_ip_limit()
    {
        using var gateway = Gateway(("PerIpLimit", "2"));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add(await SendFromAsync(gateway, "10.0.0.9", forwardedFor: $"203.0.113.{i}"));
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task X_forwarded_for_from_a_trusted_proxy_names_the_client()
    {
        using var gateway = Gateway(("PerIpLimit", "2"), ("TrustedProxies:0", "10.0.0.9"));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add(await SendFromAsync(gateway, "10.0.0.9", forwardedFor: $"203.0.113.{i}"));
        }
        statuses.Add(await SendFromAsync(gateway, "10.0.0.9", forwardedFor: "203.0.113.0"));
        statuses.Add(await SendFromAsync(gateway, "10.0.0.9", forwardedFor: "203.0.113.0"));

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task The_public_plan_limits_anonymous_callers_together()
    {
        using var gateway = Gateway(("PublicBurst", "2"), ("PublicRatePerSecond", "1"));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add(await SendFromAsync(gateway, $"10.0.1.{i}"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[2]);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(2));
    }

    [Fact]
    public async Task The_admin_plan_limits_each_key_apart_from_the_public()
    {
        using var gateway = Gateway(("AdminBurst", "2"), ("AdminRatePerSecond", "1"), ("PublicBurst", "2"));

        var keyed = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            keyed.Add(await SendFromAsync(gateway, "10.0.2.1", apiKey: AdminKey));
        }
        var anonymous = await SendFromAsync(gateway, "10.0.2.2");

        Assert.Equal(HttpStatusCode.TooManyRequests, keyed[2]);
        Assert.Equal(HttpStatusCode.NotFound, anonymous);
    }

    [Fact]
    public async Task The_monthly_quota_of_a_key_is_enforced()
    {
        using var gateway = Gateway(("AdminMonthlyQuota", "2"));
        using var client = gateway.CreateClient();

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, await SendFromAsync(gateway, "10.0.3.1", apiKey: AdminKey));
        }
        var request = new HttpRequestMessage(HttpMethod.Get, Path);
        request.Headers.Add(RequestHeaders.ApiKey, AdminKey);
        using var rejected = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        var details = (await Envelope.ReadAsync(rejected)).GetProperty("details");
        Assert.Equal("admin-monthly-quota", details.GetProperty("policy").GetString());
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), details.GetProperty("reset").GetInt64());
    }

    private static async Task<HttpStatusCode> SendFromAsync(InProcessGateway gateway, string remoteIp, string? forwardedFor = null, string? apiKey = null)
    {
        var context = await gateway.Server.SendAsync(http =>
        {
            http.Request.Method = "GET";
            http.Request.Path = Path;
            http.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(remoteIp);
            if (forwardedFor is not null)
            {
                http.Request.Headers["X-Forwarded-For"] = forwardedFor;
            }
            if (apiKey is not null)
            {
                http.Request.Headers[RequestHeaders.ApiKey] = apiKey;
            }
        });
        return (HttpStatusCode)context.Response.StatusCode;
    }
}
