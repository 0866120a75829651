using System.Text.Json.Nodes;
using MetalFests.ServiceDefaults;
using MetalFests.Storage;

namespace MetalFests.Tests.Deployment;

/// <summary>
/// Each service runs unchanged behind the Lambda Web Adapter on provided.al2023/arm64, configured with
/// the keys it reads locally, allowed exactly the table actions it makes and the two invalidation calls
/// on the one distribution.
/// </summary>
[Collection(DeploymentCollection.Name)]
public sealed class ServiceFunctionTests(SynthesizedApp app)
{
    private IReadOnlyList<(string Id, JsonObject Resource)> ServiceFunctions =>
        [.. app.Resources("AWS::Lambda::Function").Where(f => f.Resource["Properties"]!["Runtime"]?.GetValue<string>() == "provided.al2023")];

    private static JsonObject Environment((string Id, JsonObject Resource) function) =>
        function.Resource["Properties"]!["Environment"]!["Variables"]!.AsObject();

    [Fact]
    public void BothServicesRunOnArmCustomRuntimeWithTheWebAdapterLayer()
    {
        Assert.Equal(2, ServiceFunctions.Count);
        foreach (var function in ServiceFunctions)
        {
            var properties = function.Resource["Properties"]!;
            Assert.Equal("bootstrap", properties["Handler"]!.GetValue<string>());
            Assert.Equal(["arm64"], properties["Architectures"]!.AsArray().Select(a => a!.GetValue<string>()));
            Assert.Contains(properties["Layers"]!.AsArray(), layer =>
                layer!.ToJsonString().StartsWith($"\"arn:aws:lambda:{SynthesizedApp.Region}:753240598075:layer:LambdaAdapterLayerArm64:", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void MemoryTimeoutConcurrencyAndLogRetentionComeFromTheDeploymentsConfiguration()
    {
        foreach (var function in ServiceFunctions)
        {
            var properties = function.Resource["Properties"]!;
            Assert.Equal(app.Props.MemoryMb, properties["MemorySize"]!.GetValue<int>());
            Assert.Equal(app.Props.TimeoutSeconds, properties["Timeout"]!.GetValue<int>());
            Assert.Null(properties["ReservedConcurrentExecutions"]);
            var logGroup = properties["LoggingConfig"]!["LogGroup"]!["Ref"]!.GetValue<string>();
            // RetentionDays.ONE_MONTH, the default.
            Assert.Equal(30, app.MainJson["Resources"]![logGroup]!["Properties"]!["RetentionInDays"]!.GetValue<int>());
        }
    }

    [Fact]
    public void FunctionsListenWhereTheAdapterForwardsAndReportReadinessOnTheAlivePath()
    {
        foreach (var function in ServiceFunctions)
        {
            var environment = Environment(function);
            Assert.Equal("8080", environment["AWS_LWA_PORT"]!.GetValue<string>());
            Assert.Equal("http://127.0.0.1:8080", environment["ASPNETCORE_URLS"]!.GetValue<string>());
            Assert.Equal(ServicePaths.Alive, environment["AWS_LWA_READINESS_CHECK_PATH"]!.GetValue<string>());
        }
    }

    [Fact]
    public void FunctionsReadTheTableAdminKeyHashAndDistributionFromTheStack()
    {
        var table = app.Resources("AWS::DynamoDB::Table").Single().Id;
        var distribution = app.Resources("AWS::CloudFront::Distribution").Single().Id;
        foreach (var function in ServiceFunctions)
        {
            var environment = Environment(function);
            Assert.Equal($$"""{"Ref":"{{table}}"}""", environment[StorageOptions.TableNameVariable]!.ToJsonString());
            Assert.Equal(SynthesizedApp.Region, environment[StorageOptions.RegionVariable]!.GetValue<string>());
            Assert.Equal("cloudfront", environment["CacheInvalidation__Provider"]!.GetValue<string>());
            Assert.Equal($$"""{"Ref":"{{distribution}}"}""", environment["CacheInvalidation__DistributionId"]!.ToJsonString());
            // The OpenAPI documents' server: the distribution's address, not API Gateway's.
            Assert.Equal($$"""{"Fn::Join":["",["https://",{"Fn::GetAtt":["{{distribution}}","DomainName"]}]]}""", environment["OpenApi__ServerUrl"]!.ToJsonString());
            Assert.Equal("Delete", environment["ApiKeys__0__Permission"]!.GetValue<string>());
            // The key's hash comes from the deploy-time custom resource; the key itself is nowhere in the template.
            Assert.Contains("Fn::GetAtt", environment["ApiKeys__0__Hash"]!.ToJsonString());
        }
    }

    [Fact]
    public void EachFunctionMayDoExactlyTheTableActionsStorageMakesAndInvalidateTheOneDistribution()
    {
        var table = app.Resources("AWS::DynamoDB::Table").Single().Id;
        var distribution = app.Resources("AWS::CloudFront::Distribution").Single().Id;
        foreach (var function in ServiceFunctions)
        {
            var role = function.Resource["Properties"]!["Role"]!["Fn::GetAtt"]![0]!.GetValue<string>();
            var statements = app.Resources("AWS::IAM::Policy")
                .Where(p => p.Resource["Properties"]!["Roles"]!.AsArray().Any(r => r!["Ref"]?.GetValue<string>() == role))
                .SelectMany(p => p.Resource["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray())
                .Select(s => s!.AsObject())
                .ToList();
            var actions = statements.SelectMany(Actions).ToList();

            Assert.DoesNotContain(actions, a => a.Contains('*'));
            Assert.Equal(TableActions.OnTable.Concat(TableActions.OnIndexes).Distinct().Order(), actions.Where(a => a.StartsWith("dynamodb:", StringComparison.Ordinal)).Distinct().Order());
            // Never the migrator's actions.
            Assert.DoesNotContain("dynamodb:Scan", actions);
            Assert.DoesNotContain("dynamodb:CreateTable", actions);

            foreach (var statement in statements.Where(s => Actions(s).Any(a => a.StartsWith("dynamodb:", StringComparison.Ordinal))))
            {
                Assert.All(Resources(statement), r => Assert.Contains(table, r));
            }
            var invalidation = Assert.Single(statements, s => Actions(s).Any(a => a.StartsWith("cloudfront:", StringComparison.Ordinal)));
            // Only the service answering GET /api/admin/cache/status reads an invalidation.
            string[] expected = Environment(function)["OTEL_SERVICE_NAME"]!.GetValue<string>() == ServiceNames.Festivals
                ? ["cloudfront:CreateInvalidation", "cloudfront:GetInvalidation"]
                : ["cloudfront:CreateInvalidation"];
            Assert.Equal(expected, Actions(invalidation).Order());
            var resource = Assert.Single(Resources(invalidation));
            Assert.Contains(":distribution/", resource);
            Assert.Contains($$"""{"Ref":"{{distribution}}"}""", resource);
        }
    }

    private static IEnumerable<string> Actions(JsonObject statement) => statement["Action"] switch
    {
        JsonArray many => many.Select(a => a!.GetValue<string>()),
        JsonNode one => [one.GetValue<string>()],
        null => [],
    };

    private static IEnumerable<string> Resources(JsonObject statement) => statement["Resource"] switch
    {
        JsonArray many => many.Select(r => r!.ToJsonString()),
        JsonNode one => [one.ToJsonString()],
        null => [],
    };
}
