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

    public bool IsLocal => !string.IsNullOrWhiteSpace(ServiceUrl);
}
