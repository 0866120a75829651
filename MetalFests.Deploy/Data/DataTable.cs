using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Constructs;
using MetalFests.Storage;
using Schema = Amazon.DynamoDBv2.Model;

namespace MetalFests.Deploy.Data;

/// <summary>
/// The single table, built from <see cref="TableSchema"/> (the same definition the migrator creates
/// locally): keys, indexes and projections are read from it, never restated. On demand, point-in-time
/// recovery, encrypted; kept (and protected from deletion) in production.
/// </summary>
public sealed class DataTable : Construct
{
    public Table Table { get; }

    public DataTable(Construct scope, string id, DeploymentProps props) : base(scope, id)
    {
        var schema = TableSchema.CreateRequest(props.TableName);
        Table = new Table(this, "Table", new TableProps
        {
            TableName = schema.TableName,
            PartitionKey = Key(schema, schema.KeySchema, Amazon.DynamoDBv2.KeyType.HASH),
            SortKey = Key(schema, schema.KeySchema, Amazon.DynamoDBv2.KeyType.RANGE),
            BillingMode = schema.BillingMode == Amazon.DynamoDBv2.BillingMode.PAY_PER_REQUEST ? BillingMode.PAY_PER_REQUEST : BillingMode.PROVISIONED,
            PointInTimeRecovery = true,
            Encryption = TableEncryption.AWS_MANAGED,
            DeletionProtection = props.Production,
            RemovalPolicy = props.Production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
        });
        foreach (var index in schema.GlobalSecondaryIndexes)
        {
            Table.AddGlobalSecondaryIndex(new GlobalSecondaryIndexProps
            {
                IndexName = index.IndexName,
                PartitionKey = Key(schema, index.KeySchema, Amazon.DynamoDBv2.KeyType.HASH),
                SortKey = Key(schema, index.KeySchema, Amazon.DynamoDBv2.KeyType.RANGE),
                ProjectionType = Projection(index.Projection),
                NonKeyAttributes = index.Projection.NonKeyAttributes is { Count: > 0 } attributes ? [.. attributes] : null,
            });
        }
        // The layout stores no item that expires (the write lease's expiresAt is compared, not reaped), so no TTL attribute.
    }

    private static Amazon.CDK.AWS.DynamoDB.Attribute Key(Schema.CreateTableRequest schema, List<Schema.KeySchemaElement> keys, Amazon.DynamoDBv2.KeyType type)
    {
        var name = keys.Single(k => k.KeyType == type).AttributeName;
        var definition = schema.AttributeDefinitions.Single(a => a.AttributeName == name);
        return new Amazon.CDK.AWS.DynamoDB.Attribute { Name = name, Type = AttributeType(definition.AttributeType) };
    }

    private static AttributeType AttributeType(Amazon.DynamoDBv2.ScalarAttributeType type) =>
        type == Amazon.DynamoDBv2.ScalarAttributeType.S ? Amazon.CDK.AWS.DynamoDB.AttributeType.STRING
        : type == Amazon.DynamoDBv2.ScalarAttributeType.N ? Amazon.CDK.AWS.DynamoDB.AttributeType.NUMBER
        : Amazon.CDK.AWS.DynamoDB.AttributeType.BINARY;

    private static ProjectionType Projection(Schema.Projection projection) =>
        projection.ProjectionType == Amazon.DynamoDBv2.ProjectionType.ALL ? ProjectionType.ALL
        : projection.ProjectionType == Amazon.DynamoDBv2.ProjectionType.KEYS_ONLY ? ProjectionType.KEYS_ONLY
        : ProjectionType.INCLUDE;
}
