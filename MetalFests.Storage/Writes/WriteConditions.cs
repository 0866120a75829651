using Amazon.DynamoDBv2.Model;

namespace MetalFests.Storage.Writes;

using Item = Dictionary<string, AttributeValue>;

/// <summary>
/// The condition a transaction puts on an item a write read: still absent, or still at the version
/// and journal marker it was read with (every write bumps the version; a journal's claim sets the marker).
/// </summary>
public static class WriteConditions
{
    public sealed record Condition(string Expression, Dictionary<string, string> Names, Dictionary<string, AttributeValue> Values);

    public static Condition Unchanged(Item? read)
    {
        if (read is null)
        {
            return new("attribute_not_exists(#pk)", new() { ["#pk"] = TableLayout.PK }, []);
        }
        var names = new Dictionary<string, string> { ["#ver"] = Items.Version, ["#jm"] = WriteJournal.Marker };
        var values = new Dictionary<string, AttributeValue>();
        string version;
        if (read.TryGetValue(Items.Version, out var v))
        {
            version = "#ver = :ver";
            values[":ver"] = new() { N = v.N };
        }
        else
        {
            names["#pk"] = TableLayout.PK;
            version = "attribute_exists(#pk) AND attribute_not_exists(#ver)";
        }
        string marker;
        if (MarkerOf(read) is { } journal)
        {
            marker = "#jm = :jm";
            values[":jm"] = new(journal);
        }
        else
        {
            marker = "attribute_not_exists(#jm)";
        }
        return new($"{version} AND {marker}", names, values);
    }

    /// <summary>The journal that last wrote or claimed the item, if any.</summary>
    public static string? MarkerOf(Item item) => item.TryGetValue(WriteJournal.Marker, out var marker) ? marker.S : null;

    public static Put Put(Item item, Item? read, bool conditioned)
    {
        var put = new Put { Item = item };
        if (conditioned)
        {
            var c = Unchanged(read);
            (put.ConditionExpression, put.ExpressionAttributeNames, put.ExpressionAttributeValues) = (c.Expression, c.Names, Values(c));
        }
        return put;
    }

    public static Delete Delete((string Pk, string Sk) key, Item? read, bool conditioned)
    {
        var delete = new Delete { Key = MetalFestsTable.Key(key.Pk, key.Sk) };
        if (conditioned)
        {
            var c = Unchanged(read);
            (delete.ConditionExpression, delete.ExpressionAttributeNames, delete.ExpressionAttributeValues) = (c.Expression, c.Names, Values(c));
        }
        return delete;
    }

    public static ConditionCheck Check((string Pk, string Sk) key, Item? read)
    {
        var c = Unchanged(read);
        return new ConditionCheck { Key = MetalFestsTable.Key(key.Pk, key.Sk), ConditionExpression = c.Expression, ExpressionAttributeNames = c.Names, ExpressionAttributeValues = Values(c) };
    }

    // DynamoDB refuses an empty ExpressionAttributeValues map: null when there is none.
    private static Dictionary<string, AttributeValue>? Values(Condition c) => c.Values.Count > 0 ? c.Values : null;
}
