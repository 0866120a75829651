using MetalFests.Storage;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.Platform;

[Collection(AppCollection.Name)]
public sealed class DynamoDbLocalTests(AppFixture fixture)
{
    [Fact]
    public async Task The_system_creates_the_table_with_its_three_global_secondary_indexes()
    {
        using var client = fixture.DynamoDb();

        var table = (await client.DescribeTableAsync(StorageOptions.DefaultTableName)).Table;

        Assert.Equal("ACTIVE", table.TableStatus.Value);
        Assert.Equal([TableLayout.PK, TableLayout.SK], table.KeySchema.Select(k => k.AttributeName));
        Assert.Equal(
            ["GSI1:GSI1PK/GSI1SK", "GSI2:GSI2PK/GSI2SK", "GSI3:GSI3PK/GSI3SK"],
            table.GlobalSecondaryIndexes
                .Select(i => $"{i.IndexName}:{i.KeySchema[0].AttributeName}/{i.KeySchema[1].AttributeName}")
                .Order());
    }
}
