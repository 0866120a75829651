namespace MetalFests.Storage;

/// <summary>
/// The DynamoDB actions a service makes through this library, as IAM names them, so a deployment
/// grants these and nothing else. Transactions are authorised per item (Put/Update/Delete/ConditionCheck);
/// <c>Scan</c> and <c>CreateTable</c> are the migrator's alone.
/// </summary>
public static class TableActions
{
    /// <summary>On the table: reads (<see cref="MetalFestsTable"/>, and the health check's read of the load marker), writes, lease and journal.</summary>
    public static readonly IReadOnlyList<string> OnTable =
    [
        "dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query",
        "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem", "dynamodb:ConditionCheckItem",
    ];

    /// <summary>On the indexes (<see cref="TableSchema.IndexNames"/>): queries only.</summary>
    public static readonly IReadOnlyList<string> OnIndexes = ["dynamodb:Query"];
}
