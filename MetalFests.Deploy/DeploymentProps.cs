using System.Globalization;
using Amazon.CDK;
using Constructs;
using MetalFests.Storage;

namespace MetalFests.Deploy;

/// <summary>
/// Everything a deployment may choose, in one record. Values come from CDK context
/// (<c>cdk deploy -c memoryMb=1024</c> or <c>cdk.json</c>'s <c>context</c>); what the application
/// already defines (table layout, routes, limits, TTLs, CORS) is not here: the stacks read it from
/// the projects that own it.
/// </summary>
public sealed record DeploymentProps
{
    /// <summary>Where the application runs. The WAF web ACL always lives in us-east-1 (CloudFront's rule).</summary>
    public string? Account { get; init; }
    public string Region { get; init; } = StorageOptions.DefaultRegion;

    /// <summary>Prefix of the stack names: several deployments (stages) can live in one account.</summary>
    public string StackPrefix { get; init; } = "MetalFests";

    /// <summary>Production keeps the table when the stack goes (RETAIN, deletion protection) and its logs longer.</summary>
    public bool Production { get; init; }

    public string TableName { get; init; } = StorageOptions.DefaultTableName;

    // The two service functions.
    public int MemoryMb { get; init; } = 1024;
    public int TimeoutSeconds { get; init; } = 30;
    /// <summary>Reserved concurrency per function; none by default (the account's pool).</summary>
    public int? ReservedConcurrency { get; init; }
    public Amazon.CDK.AWS.Logs.RetentionDays LogRetention { get; init; } = Amazon.CDK.AWS.Logs.RetentionDays.ONE_MONTH;

    /// <summary>The AWS Lambda Web Adapter's layer version (account 753240598075, LambdaAdapterLayerArm64).</summary>
    public int WebAdapterLayerVersion { get; init; } = 25;

    /// <summary>OTLP endpoint the services export to; empty: no export (CloudWatch logs only).</summary>
    public string? OtlpEndpoint { get; init; }
    /// <summary>ARN of an ADOT collector layer (runs as an extension); with it, the endpoint defaults to the collector's.</summary>
    public string? AdotLayerArn { get; init; }
    public double TraceSampleRatio { get; init; } = 0.01;

    /// <summary>Origins allowed to call admin routes from a browser (the gateway's <c>Gateway:Cors:AdminOrigins</c>).</summary>
    public IReadOnlyList<string> AdminOrigins { get; init; } = [];

    /// <summary>
    /// A folder holding already published function code, used for every function instead of publishing
    /// (tests point it at a stub; a CI could point it at its artifact).
    /// </summary>
    public string? PrebuiltCodePath { get; init; }

    /// <summary>The website's static files (MetalFests.Web's build); when the folder is missing the bucket stays empty.</summary>
    public string WebsitePath { get; init; } = Path.Combine(RepositoryRoot.Path, "MetalFests.Web", "dist");

    // Alarm thresholds.
    public double ErrorRateThreshold { get; init; } = 0.01;
    public double LatencyP99ThresholdMs { get; init; } = 1000;
    public string? AlarmEmail { get; init; }

    public static DeploymentProps FromContext(Construct scope)
    {
        string? Get(string key) => scope.Node.TryGetContext(key)?.ToString() is { Length: > 0 } value ? value : null;
        int? Int(string key) => Get(key) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : null;
        var defaults = new DeploymentProps();
        return new DeploymentProps
        {
            Account = Get("account") ?? System.Environment.GetEnvironmentVariable("CDK_DEFAULT_ACCOUNT"),
            Region = Get("region") ?? System.Environment.GetEnvironmentVariable("CDK_DEFAULT_REGION") ?? defaults.Region,
            StackPrefix = Get("stackPrefix") ?? defaults.StackPrefix,
            Production = Get("production") is { } production && bool.Parse(production),
            TableName = Get("tableName") ?? defaults.TableName,
            MemoryMb = Int("memoryMb") ?? defaults.MemoryMb,
            TimeoutSeconds = Int("timeoutSeconds") ?? defaults.TimeoutSeconds,
            ReservedConcurrency = Int("reservedConcurrency"),
            LogRetention = Get("logRetention") is { } retention ? Enum.Parse<Amazon.CDK.AWS.Logs.RetentionDays>(retention) : defaults.LogRetention,
            WebAdapterLayerVersion = Int("webAdapterLayerVersion") ?? defaults.WebAdapterLayerVersion,
            OtlpEndpoint = Get("otlpEndpoint"),
            AdotLayerArn = Get("adotLayerArn"),
            TraceSampleRatio = Get("traceSampleRatio") is { } ratio ? double.Parse(ratio, CultureInfo.InvariantCulture) : defaults.TraceSampleRatio,
            AdminOrigins = Get("adminOrigins")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [],
            PrebuiltCodePath = Get("prebuiltCodePath"),
            WebsitePath = Get("websitePath") ?? defaults.WebsitePath,
            AlarmEmail = Get("alarmEmail"),
        };
    }
}
