namespace MetalFests.Storage;

/// <summary>
/// Where the table lives. Configuration section <c>DynamoDb</c>; with a <see cref="ServiceUrl"/> the
/// client talks to DynamoDB Local with dummy credentials, without one it talks to AWS with the
/// default credential chain.
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "DynamoDb";
    public const string DefaultTableName = "MetalFests";
    public const string DefaultRegion = "eu-west-1";

    /// <summary>Environment variable names, for the AppHost that sets them.</summary>
    public const string ServiceUrlVariable = SectionName + "__" + nameof(ServiceUrl);
    public const string RegionVariable = SectionName + "__" + nameof(Region);
    public const string TableNameVariable = SectionName + "__" + nameof(TableName);

    public string? ServiceUrl { get; set; }
    public string Region { get; set; } = DefaultRegion;
    public string TableName { get; set; } = DefaultTableName;

    /// <summary>
    /// How long one request to DynamoDB Local may take (<c>DynamoDb:RequestTimeout</c>). A service fails fast (5 s, one
    /// retry: /health and 503s stay prompt when the database is down); a batch job reading 1 MB scan pages on a busy
    /// machine gives each request longer (<see cref="BatchRequestTimeout"/>).
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The request timeout of batch work (the migrator, the tests' full-table scans).</summary>
    public static readonly TimeSpan BatchRequestTimeout = TimeSpan.FromSeconds(60);

    public bool IsLocal => !string.IsNullOrWhiteSpace(ServiceUrl);
}
