using Amazon.CDK.Assertions;
using MetalFests.Storage;

namespace MetalFests.Tests.Deployment;

/// <summary>The deployed table is the one Storage defines (its own schema, not a copy), on demand, recoverable, encrypted.</summary>
[Collection(DeploymentCollection.Name)]
public sealed class DataTableTests(SynthesizedApp app)
{
    private static readonly Amazon.DynamoDBv2.Model.CreateTableRequest Schema = TableSchema.CreateRequest(StorageOptions.DefaultTableName);

    [Fact]
    public void TableKeysAndIndexesAreStoragesSchema()
    {
        var table = app.Resources("AWS::DynamoDB::Table").Single().Resource["Properties"]!;
        var keys = table["KeySchema"]!.AsArray().Select(k => (k!["AttributeName"]!.GetValue<string>(), k["KeyType"]!.GetValue<string>()));
        Assert.Equal(Schema.KeySchema.Select(k => (k.AttributeName, k.KeyType.Value)), keys);

        var indexes = table["GlobalSecondaryIndexes"]!.AsArray().ToDictionary(i => i!["IndexName"]!.GetValue<string>());
        Assert.Equal(Schema.GlobalSecondaryIndexes.Select(i => i.IndexName).Order(), indexes.Keys.Order());
        foreach (var expected in Schema.GlobalSecondaryIndexes)
        {
            var index = indexes[expected.IndexName]!;
            Assert.Equal(expected.KeySchema.Select(k => (k.AttributeName, k.KeyType.Value)),
                index["KeySchema"]!.AsArray().Select(k => (k!["AttributeName"]!.GetValue<string>(), k["KeyType"]!.GetValue<string>())));
            Assert.Equal(expected.Projection.ProjectionType.Value, index["Projection"]!["ProjectionType"]!.GetValue<string>());
        }

        var attributes = table["AttributeDefinitions"]!.AsArray().ToDictionary(a => a!["AttributeName"]!.GetValue<string>(), a => a!["AttributeType"]!.GetValue<string>());
        Assert.Equal(Schema.AttributeDefinitions.ToDictionary(a => a.AttributeName, a => a.AttributeType.Value), attributes);
    }

    [Fact]
    public void TableHasTheDataModelsKeysAndThreeIndexes()
    {
        // docs/data-model.md: string keys PK/SK; GSI1 (dates), GSI2 (location), GSI3 (review status).
        app.Main.HasResourceProperties("AWS::DynamoDB::Table", new Dictionary<string, object>
        {
            ["TableName"] = "MetalFests",
            ["KeySchema"] = new object[]
            {
                new Dictionary<string, object> { ["AttributeName"] = "PK", ["KeyType"] = "HASH" },
                new Dictionary<string, object> { ["AttributeName"] = "SK", ["KeyType"] = "RANGE" },
            },
            ["GlobalSecondaryIndexes"] = Match.ArrayWith(new object[]
            {
                Match.ObjectLike(new Dictionary<string, object> { ["IndexName"] = "GSI1" }),
                Match.ObjectLike(new Dictionary<string, object> { ["IndexName"] = "GSI2" }),
                Match.ObjectLike(new Dictionary<string, object> { ["IndexName"] = "GSI3" }),
            }),
        });
    }

    [Fact]
    public void TableIsOnDemandWithPointInTimeRecoveryAndEncryption()
    {
        app.Main.HasResourceProperties("AWS::DynamoDB::Table", new Dictionary<string, object>
        {
            ["BillingMode"] = "PAY_PER_REQUEST",
            ["PointInTimeRecoverySpecification"] = new Dictionary<string, object> { ["PointInTimeRecoveryEnabled"] = true },
            ["SSESpecification"] = new Dictionary<string, object> { ["SSEEnabled"] = true },
        });
    }

    [Fact]
    public void ProductionTableIsRetainedAndProtectedFromDeletion()
    {
        var stack = new Amazon.CDK.Stack(new Amazon.CDK.App(new Amazon.CDK.AppProps { Outdir = Path.Combine(app.Folder, "production-table") }), "Production");
        _ = new MetalFests.Deploy.Data.DataTable(stack, "Data", app.Props with { Production = true });

        Template.FromStack(stack).HasResource("AWS::DynamoDB::Table", new Dictionary<string, object>
        {
            ["DeletionPolicy"] = "Retain",
            ["Properties"] = Match.ObjectLike(new Dictionary<string, object> { ["DeletionProtectionEnabled"] = true }),
        });
    }
}
