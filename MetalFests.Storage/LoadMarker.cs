using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace MetalFests.Storage;

using Item = Dictionary<string, AttributeValue>;

/// <summary>
/// The migrator's load marker (<see cref="TableLayout.LoadMarkerPk"/>): whether the table holds a complete load of
/// db.json. A first load puts it as <see cref="Loading"/> before its first item, and as <see cref="Loaded"/> after
/// its last, once the verification re-read the table and found no problem; a later run keeps <see cref="Loaded"/>
/// (the table stays served) and puts it again with its own run when it verified. So "loaded" is never said of a table
/// before its load is complete and verified, and a table with no marker, or one still <see cref="Loading"/>, is not
/// served: the services' readiness (<see cref="TableReadiness"/>) requires <see cref="IsLoaded"/>.
/// </summary>
/// <param name="Run">The migration run that last put the marker (its version tokens carry the same id).</param>
/// <param name="Source">The file it loaded (its name, not its path).</param>
/// <param name="Adopted">Put by <c>--if-empty</c> on a table an older migrator had loaded (with no marker), after verifying it: nothing loaded.</param>
/// <param name="ItemsVerified">How many items the verification read back (0 while loading).</param>
public sealed record LoadMarker(string State, string Run, string Source, DateTime At, bool Adopted, int ItemsVerified)
{
    public const string Loading = "loading";
    public const string Loaded = "loaded";

    private const string StateAttribute = "state";
    private const string RunAttribute = "run";
    private const string SourceAttribute = "source";
    private const string AtAttribute = "at";
    private const string AdoptedAttribute = "adopted";
    private const string ItemsAttribute = "itemsVerified";

    public bool IsLoaded => State == Loaded;

    public override string ToString() =>
        $"{State} {(Adopted ? "(adopted: loaded by an older migrator) " : "")}by run {Run} of {Source} at {Items.Iso(At)}{(IsLoaded ? $", {ItemsVerified} items verified" : "")}";

    public Item ToItem() => new(MetalFestsTable.Key(TableLayout.LoadMarkerPk, TableLayout.LoadMarkerSk))
    {
        [TableLayout.TypeAttribute] = new(TableLayout.Types.LoadMarker),
        [StateAttribute] = new(State),
        [RunAttribute] = new(Run),
        [SourceAttribute] = new(Source),
        [AtAttribute] = new(Items.Iso(At)),
        [AdoptedAttribute] = new() { BOOL = Adopted },
        [ItemsAttribute] = new() { N = ItemsVerified.ToString(CultureInfo.InvariantCulture) },
    };

    public static LoadMarker FromItem(Item item) => new(
        item[StateAttribute].S,
        item[RunAttribute].S,
        item[SourceAttribute].S,
        DateTime.Parse(item[AtAttribute].S, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal),
        item[AdoptedAttribute].BOOL == true,
        int.Parse(item[ItemsAttribute].N, CultureInfo.InvariantCulture));

    /// <summary>The marker as stored now (strongly consistent), or null when the table holds none.</summary>
    public static async Task<LoadMarker?> ReadAsync(MetalFestsTable table, CancellationToken cancellationToken)
    {
        using var activity = StorageTelemetry.Start("GetItem", table.Name, StorageTelemetry.ReadinessCheck);
        var response = await table.Client.GetItemAsync(new GetItemRequest
        {
            TableName = table.Name,
            Key = MetalFestsTable.Key(TableLayout.LoadMarkerPk, TableLayout.LoadMarkerSk),
            ConsistentRead = true,
        }, cancellationToken);
        return response.Item is { Count: > 0 } item ? FromItem(item) : null;
    }

    /// <summary>
    /// Puts this (<see cref="Loading"/>) marker unless the table is already loaded: a run over a loaded table leaves it
    /// served. Returns whether it was put.
    /// </summary>
    public async Task<bool> PutLoadingAsync(MetalFestsTable table, CancellationToken cancellationToken)
    {
        try
        {
            await table.Client.PutItemAsync(new PutItemRequest
            {
                TableName = table.Name,
                Item = ToItem(),
                ConditionExpression = "attribute_not_exists(#pk) OR #state = :loading",
                ExpressionAttributeNames = new() { ["#pk"] = TableLayout.PK, ["#state"] = StateAttribute },
                ExpressionAttributeValues = new() { [":loading"] = new AttributeValue(Loading) },
            }, cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    /// <summary>Puts this marker as it is (the <see cref="Loaded"/> one: after the verification).</summary>
    public Task PutAsync(MetalFestsTable table, CancellationToken cancellationToken) =>
        table.Client.PutItemAsync(new PutItemRequest { TableName = table.Name, Item = ToItem() }, cancellationToken);
}
