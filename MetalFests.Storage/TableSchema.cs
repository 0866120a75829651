using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace MetalFests.Storage;

/// <summary>The table's definition: string keys PK/SK and the three GSIs of the data model.</summary>
public static class TableSchema
{
    public static readonly IReadOnlyList<string> IndexNames = [TableLayout.Gsi1, TableLayout.Gsi2, TableLayout.Gsi3];

    public static CreateTableRequest CreateRequest(string tableName) => new()
    {
        TableName = tableName,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        AttributeDefinitions =
        [
            .. new[] { TableLayout.PK, TableLayout.SK, TableLayout.Gsi1PK, TableLayout.Gsi1SK, TableLayout.Gsi2PK, TableLayout.Gsi2SK, TableLayout.Gsi3PK, TableLayout.Gsi3SK }
                .Select(name => new AttributeDefinition(name, ScalarAttributeType.S)),
        ],
        KeySchema = [new KeySchemaElement(TableLayout.PK, KeyType.HASH), new KeySchemaElement(TableLayout.SK, KeyType.RANGE)],
        GlobalSecondaryIndexes =
        [
            Index(TableLayout.Gsi1, TableLayout.Gsi1PK, TableLayout.Gsi1SK),
            Index(TableLayout.Gsi2, TableLayout.Gsi2PK, TableLayout.Gsi2SK),
            Index(TableLayout.Gsi3, TableLayout.Gsi3PK, TableLayout.Gsi3SK),
        ],
    };

    private static GlobalSecondaryIndex Index(string name, string partitionKey, string sortKey) => new()
    {
        IndexName = name,
        KeySchema = [new KeySchemaElement(partitionKey, KeyType.HASH), new KeySchemaElement(sortKey, KeyType.RANGE)],
        Projection = new Projection { ProjectionType = ProjectionType.ALL },
    };

    /// <summary>Creates the table unless it exists, then waits until it is active. Returns whether it created it.</summary>
    public static async Task<bool> EnsureCreatedAsync(IAmazonDynamoDB client, string tableName, CancellationToken cancellationToken)
    {
        var created = false;
        try
        {
            using var activity = StorageTelemetry.Start("CreateTable", tableName);
            await client.CreateTableAsync(CreateRequest(tableName), cancellationToken);
            created = true;
        }
        catch (ResourceInUseException)
        {
            // Already there: creating is idempotent.
        }

        while (true)
        {
            var table = (await client.DescribeTableAsync(tableName, cancellationToken)).Table;
            if (table.TableStatus == TableStatus.ACTIVE &&
                (table.GlobalSecondaryIndexes ?? []).All(i => i.IndexStatus == IndexStatus.ACTIVE))
            {
                return created;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }
}
