using System.Text.Json.Nodes;
using MetalFests.Gateway.Cors;
using MetalFests.Gateway.Routing;

namespace MetalFests.Tests.Deployment;

/// <summary>
/// API Gateway serves the gateway's route table (each /api prefix and everything below it, to the
/// service that owns it), wants an API key for every write and admin path, and carries the seed's
/// usage plans.
/// </summary>
[Collection(DeploymentCollection.Name)]
public sealed class PublicApiTests(SynthesizedApp app)
{
    private const string CatchAll = "/{**rest}";

    /// <summary>The gateway's /api routes: prefix → (service, admin).</summary>
    private static readonly Dictionary<string, (string Service, bool Admin)> Expected = RouteTable.Routes
        .Where(r => r.Match.Path!.StartsWith("/api/", StringComparison.Ordinal))
        .ToDictionary(r => r.Match.Path!.Replace(CatchAll, ""), r => (r.ClusterId!, r.CorsPolicy == CorsPolicies.Admin));

    [Fact]
    public void ApiPathsAreTheGatewaysRouteTablePlusTheCacheAdminPath()
    {
        var paths = ResourcePaths();
        var leaves = paths.Values.Where(p => !paths.Values.Any(q => q.StartsWith(p + "/", StringComparison.Ordinal) && !q.EndsWith("{proxy+}", StringComparison.Ordinal)) && !p.EndsWith("{proxy+}", StringComparison.Ordinal));
        Assert.Equal(Expected.Keys.Append(RouteTable.AdminCachePath).Order(), leaves.Where(p => p != "/api" && p != "/api/admin").Order());
        foreach (var prefix in Expected.Keys.Append(RouteTable.AdminCachePath))
        {
            Assert.Contains(prefix + "/{proxy+}", paths.Values);
        }
        // The seed's own paths, literally.
        Assert.Contains("/api/festivals", paths.Values);
        Assert.Contains("/api/bands/{proxy+}", paths.Values);
    }

    [Fact]
    public void EachPathGoesToTheServiceThatOwnsIt()
    {
        var paths = ResourcePaths();
        var functions = app.Resources("AWS::Lambda::Function").ToDictionary(f => f.Id, f => f.Resource["Properties"]!["Environment"]?["Variables"]?["OTEL_SERVICE_NAME"]?.GetValue<string>());
        var owners = Expected.ToDictionary(e => e.Key, e => e.Value.Service);
        owners[RouteTable.AdminCachePath] = "festivals";
        foreach (var (_, method) in Methods())
        {
            var path = paths[method["ResourceId"]!["Ref"]!.GetValue<string>()];
            var prefix = path.Replace("/{proxy+}", "");
            if (method["HttpMethod"]!.GetValue<string>() == "OPTIONS")
            {
                continue;
            }
            var uri = method["Integration"]!["Uri"]!.ToJsonString();
            var target = functions.Single(f => uri.Contains($"\"{f.Key}\"", StringComparison.Ordinal)).Value;
            Assert.Equal(owners[prefix], target);
        }
    }

    [Fact]
    public void WritesAndAdminPathsNeedAnApiKeyPublicReadsDoNot()
    {
        var paths = ResourcePaths();
        foreach (var (_, method) in Methods())
        {
            var path = paths[method["ResourceId"]!["Ref"]!.GetValue<string>()];
            var verb = method["HttpMethod"]!.GetValue<string>();
            var keyRequired = method["ApiKeyRequired"]?.GetValue<bool>() == true;
            var admin = path.StartsWith("/api/admin/", StringComparison.Ordinal);
            var expected = verb switch
            {
                "OPTIONS" => false,
                "GET" or "HEAD" => admin,
                _ => true,
            };
            Assert.True(expected == keyRequired, $"{verb} {path}: key required {keyRequired}");
        }
    }

    [Fact]
    public void ProxyPathsValidateTheirPathParameter()
    {
        var paths = ResourcePaths();
        var proxies = Methods().Where(m => paths[m.Method["ResourceId"]!["Ref"]!.GetValue<string>()].EndsWith("{proxy+}", StringComparison.Ordinal) && m.Method["HttpMethod"]!.GetValue<string>() != "OPTIONS").ToList();
        Assert.NotEmpty(proxies);
        Assert.All(proxies, m =>
        {
            Assert.True(m.Method["RequestParameters"]!["method.request.path.proxy"]!.GetValue<bool>());
            Assert.NotNull(m.Method["RequestValidatorId"]);
        });
        app.Main.HasResourceProperties("AWS::ApiGateway::RequestValidator", new Dictionary<string, object> { ["ValidateRequestParameters"] = true });
    }

    [Fact]
    public void UsagePlansAreTheSeeds()
    {
        // The seed's "Rate Limiting": public 1,000 req/s burst 2,000; admin 100 req/s burst 200, 100,000 a month.
        app.Main.HasResourceProperties("AWS::ApiGateway::UsagePlan", new Dictionary<string, object>
        {
            ["Throttle"] = new Dictionary<string, object> { ["RateLimit"] = 1000, ["BurstLimit"] = 2000 },
        });
        app.Main.HasResourceProperties("AWS::ApiGateway::UsagePlan", new Dictionary<string, object>
        {
            ["Throttle"] = new Dictionary<string, object> { ["RateLimit"] = 100, ["BurstLimit"] = 200 },
            ["Quota"] = new Dictionary<string, object> { ["Limit"] = 100000, ["Period"] = "MONTH" },
        });
        app.Main.ResourceCountIs("AWS::ApiGateway::UsagePlanKey", 1);
        // Keyless public callers: the stage's own limit.
        app.Main.HasResourceProperties("AWS::ApiGateway::Stage", new Dictionary<string, object>
        {
            ["MethodSettings"] = Amazon.CDK.Assertions.Match.ArrayWith(new object[]
            {
                Amazon.CDK.Assertions.Match.ObjectLike(new Dictionary<string, object> { ["ThrottlingRateLimit"] = 1000, ["ThrottlingBurstLimit"] = 2000 }),
            }),
        });
    }

    [Fact]
    public void AdminKeyValueIsAReferenceToTheSecretNeverTheKey()
    {
        var key = app.Resources("AWS::ApiGateway::ApiKey").Single().Resource["Properties"]!["Value"]!.ToJsonString();
        Assert.Contains("{{resolve:secretsmanager:", key);
    }

    [Fact]
    public void PublicPathsAnswerCorsPreflightAsTheGatewayDoes()
    {
        var paths = ResourcePaths();
        var preflight = Methods().Single(m => paths[m.Method["ResourceId"]!["Ref"]!.GetValue<string>()] == "/api/festivals" && m.Method["HttpMethod"]!.GetValue<string>() == "OPTIONS").Method;
        var headers = preflight["Integration"]!["IntegrationResponses"]![0]!["ResponseParameters"]!;
        Assert.Equal("'*'", headers["method.response.header.Access-Control-Allow-Origin"]!.GetValue<string>());
        Assert.Equal($"'{string.Join(",", CorsPolicies.PublicMethods)}'", headers["method.response.header.Access-Control-Allow-Methods"]!.GetValue<string>());
        Assert.Equal($"'{string.Join(",", CorsPolicies.PublicHeaders)}'", headers["method.response.header.Access-Control-Allow-Headers"]!.GetValue<string>());
        // No admin origins configured: admin paths answer no preflight.
        Assert.DoesNotContain(Methods(), m => paths[m.Method["ResourceId"]!["Ref"]!.GetValue<string>()].StartsWith("/api/admin/", StringComparison.Ordinal) && m.Method["HttpMethod"]!.GetValue<string>() == "OPTIONS");
    }

    private IEnumerable<(string Id, JsonObject Method)> Methods() =>
        app.Resources("AWS::ApiGateway::Method").Select(m => (m.Id, m.Resource["Properties"]!.AsObject()));

    /// <summary>Logical id → full path of every API resource.</summary>
    private Dictionary<string, string> ResourcePaths()
    {
        var resources = app.Resources("AWS::ApiGateway::Resource").ToDictionary(r => r.Id, r => r.Resource["Properties"]!);
        string PathOf(string id)
        {
            var properties = resources[id];
            var parent = properties["ParentId"]!["Ref"]?.GetValue<string>();
            var prefix = parent is not null && resources.ContainsKey(parent) ? PathOf(parent) : "";
            return prefix + "/" + properties["PathPart"]!.GetValue<string>();
        }
        return resources.Keys.ToDictionary(id => id, PathOf);
    }
}
