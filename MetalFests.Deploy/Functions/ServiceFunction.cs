using Amazon.CDK;
using IDistribution = Amazon.CDK.AWS.CloudFront.IDistribution;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Constructs;
using MetalFests.Api.Invalidation;
using MetalFests.Api.OpenApi;
using MetalFests.ServiceDefaults;
using MetalFests.Deploy.Api;
using MetalFests.Deploy.Security;
using MetalFests.ServiceDefaults.Security;
using MetalFests.Storage;

namespace MetalFests.Deploy.Functions;

/// <summary>One service (festivals or catalog) and the project that builds it.</summary>
public sealed record ServiceProject(string Name, string ProjectFolder)
{
    public static readonly ServiceProject Festivals = new(ServiceNames.Festivals, "MetalFests.FestivalsService");
    public static readonly ServiceProject Catalog = new(ServiceNames.Catalog, "MetalFests.CatalogService");
    public static readonly IReadOnlyList<ServiceProject> All = [Festivals, Catalog];

    public string ProjectDirectory => Path.Combine(RepositoryRoot.Path, ProjectFolder);
}

/// <summary>
/// A service, unchanged, as a Lambda function: its self-contained publish on <c>provided.al2023</c>
/// (arm64) behind the AWS Lambda Web Adapter layer, allowed exactly the table actions
/// <see cref="TableActions"/> names, configured through the same keys the AppHost sets locally.
/// </summary>
public sealed class ServiceFunction : Construct
{
    /// <summary>The port the app listens on inside the function, where the adapter forwards requests.</summary>
    public const int AppPort = 8080;

    public const string WebAdapterAccount = "753240598075";

    public Function Function { get; }
    public ServiceProject Service { get; }

    public ServiceFunction(Construct scope, ServiceProject service, ITable table, string adminKeyHash, DeploymentProps props) : base(scope, service.Name)
    {
        Service = service;
        var region = Stack.Of(this).Region;
        var logs = new LogGroup(this, "Logs", new LogGroupProps
        {
            Retention = props.LogRetention,
            RemovalPolicy = props.Production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
        });
        List<ILayerVersion> layers =
        [
            LayerVersion.FromLayerVersionArn(this, "WebAdapter", $"arn:aws:lambda:{region}:{WebAdapterAccount}:layer:LambdaAdapterLayerArm64:{props.WebAdapterLayerVersion}"),
        ];
        if (props.AdotLayerArn is { } adot)
        {
            layers.Add(LayerVersion.FromLayerVersionArn(this, "Adot", adot));
        }

        Function = new Function(this, "Function", new FunctionProps
        {
            Description = $"MetalFests {service.Name} service ({service.ProjectFolder}) behind the Lambda Web Adapter",
            Runtime = Runtime.PROVIDED_AL2023,
            Architecture = Architecture.ARM_64,
            Handler = FunctionPackage.Bootstrap,
            Code = Code(service, props),
            MemorySize = props.MemoryMb,
            Timeout = Duration.Seconds(props.TimeoutSeconds),
            ReservedConcurrentExecutions = props.ReservedConcurrency,
            Layers = [.. layers],
            LogGroup = logs,
            Environment = Environment(service, table, adminKeyHash, props),
        });

        Function.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "TableActions",
            Actions = [.. TableActions.OnTable],
            Resources = [table.TableArn],
        }));
        Function.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "IndexQueries",
            Actions = [.. TableActions.OnIndexes],
            Resources = [.. TableSchema.IndexNames.Select(index => $"{table.TableArn}/index/{index}")],
        }));
    }

    /// <summary>
    /// Writes invalidate CloudFront's copies: the invalidation provider and the distribution, and
    /// <c>CreateInvalidation</c> on that one distribution; the service that answers the manual cache
    /// endpoints (<see cref="ApiRoutes.CacheAdminService"/>) also reads an invalidation's status.
    /// </summary>
    public void AllowInvalidation(IDistribution distribution)
    {
        string[] actions = Service.Name == ApiRoutes.CacheAdminService
            ? ["cloudfront:CreateInvalidation", "cloudfront:GetInvalidation"]
            : ["cloudfront:CreateInvalidation"];
        Function.AddEnvironment(CacheInvalidationOptions.ProviderVariable, CacheInvalidationOptions.CloudFrontProvider);
        Function.AddEnvironment(CacheInvalidationOptions.DistributionIdVariable, distribution.DistributionId);
        // Clients reach the API through the distribution: the OpenAPI documents name it as their server.
        Function.AddEnvironment(DocumentServers.EnvironmentVariable, $"https://{distribution.DistributionDomainName}");
        Function.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "Invalidation",
            Actions = actions,
            Resources = [Stack.Of(this).FormatArn(new ArnComponents
            {
                Service = "cloudfront",
                Region = "",
                Resource = "distribution",
                ResourceName = distribution.DistributionId,
            })],
        }));
    }

    /// <summary>
    /// What the Web Adapter needs from the app, and what <c>bootstrap</c>'s app needs to listen where the adapter looks.
    /// The adapter's readiness check is the liveness path: a function is ready to take requests once its process answers,
    /// and a table not loaded yet is answered by the app itself (503 in the envelope, <c>UseLoadedTable</c>) rather than by a
    /// function that never finishes starting (API Gateway's 5xx). Cold starts do not wait for a database read either.
    /// </summary>
    public static IReadOnlyDictionary<string, string> AdapterEnvironment(int port) => new Dictionary<string, string>
    {
        ["AWS_LWA_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["AWS_LWA_READINESS_CHECK_PATH"] = ServicePaths.Alive,
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
    };

    private static Dictionary<string, string> Environment(ServiceProject service, ITable table, string adminKeyHash, DeploymentProps props)
    {
        var keyPrefix = $"{ApiKeyOptions.SectionName}__0__";
        var environment = new Dictionary<string, string>(AdapterEnvironment(AppPort))
        {
            [StorageOptions.TableNameVariable] = table.TableName,
            [StorageOptions.RegionVariable] = Stack.Of(table).Region,
            [keyPrefix + nameof(ApiKeyEntry.Id)] = AdminKey.KeyId,
            [keyPrefix + nameof(ApiKeyEntry.Hash)] = adminKeyHash,
            [keyPrefix + nameof(ApiKeyEntry.Permission)] = nameof(MetalFests.ServiceDefaults.Security.Permission.Delete),
            ["OTEL_SERVICE_NAME"] = service.Name,
            ["Telemetry__TraceSampleRatio"] = props.TraceSampleRatio.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        // The ADOT collector extension listens on the standard local OTLP port.
        var endpoint = props.OtlpEndpoint ?? (props.AdotLayerArn is null ? null : "http://localhost:4317");
        if (endpoint is not null)
        {
            environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint;
        }
        return environment;
    }

    private static Amazon.CDK.AWS.Lambda.Code Code(ServiceProject service, DeploymentProps props) =>
        props.PrebuiltCodePath is { } prebuilt
            ? Amazon.CDK.AWS.Lambda.Code.FromAsset(prebuilt)
            : Amazon.CDK.AWS.Lambda.Code.FromAsset(service.ProjectDirectory, new Amazon.CDK.AWS.S3.Assets.AssetOptions
            {
                // The hash of the publish output: a change in any referenced project (Storage, Api, …) redeploys.
                AssetHashType = AssetHashType.OUTPUT,
                Bundling = new BundlingOptions
                {
                    // Never pulled: local bundling always succeeds, so Docker is not needed.
                    Image = DockerImage.FromRegistry("dotnet-publish-runs-locally"),
                    Local = new FunctionPackage(service.ProjectDirectory, FunctionPackage.LambdaRuntimeIdentifier),
                },
            });
}
