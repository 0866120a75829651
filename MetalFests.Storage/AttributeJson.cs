using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace MetalFests.Storage;

using Item = Dictionary<string, AttributeValue>;

/// <summary>
/// JSON ↔ DynamoDB attribute values, one to one: object ↔ M, array ↔ L, string ↔ S, number ↔ N,
/// bool ↔ BOOL, null ↔ NULL. Records are stored as the JSON the API shows, so an item reads back
/// into the same record.
/// </summary>
public static class AttributeJson
{
    private static readonly IReadOnlySet<string> NothingIgnored = new HashSet<string>();

    public static Item ToItem(JsonElement json)
    {
        var item = new Item();
        foreach (var property in json.EnumerateObject())
        {
            item[property.Name] = ToAttribute(property.Value);
        }
        return item;
    }

    public static AttributeValue ToAttribute(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.Object => new AttributeValue { M = ToItem(json) },
        JsonValueKind.Array => new AttributeValue { L = [.. json.EnumerateArray().Select(ToAttribute)] },
        JsonValueKind.String => new AttributeValue { S = json.GetString() },
        JsonValueKind.Number => new AttributeValue { N = json.GetRawText() },
        JsonValueKind.True => new AttributeValue { BOOL = true },
        JsonValueKind.False => new AttributeValue { BOOL = false },
        _ => new AttributeValue { NULL = true },
    };

    public static void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, AttributeValue> item)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in item)
        {
            writer.WritePropertyName(name);
            Write(writer, value);
        }
        writer.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter writer, AttributeValue value)
    {
        if (value.S is not null) writer.WriteStringValue(value.S);
        else if (value.N is not null) writer.WriteRawValue(value.N, skipInputValidation: true);
        else if (value.BOOL is { } b) writer.WriteBooleanValue(b);
        else if (value.M is not null) Write(writer, value.M);
        else if (value.L is not null)
        {
            writer.WriteStartArray();
            foreach (var element in value.L) Write(writer, element);
            writer.WriteEndArray();
        }
        else if (value.SS is not null)
        {
            writer.WriteStartArray();
            foreach (var s in value.SS) writer.WriteStringValue(s);
            writer.WriteEndArray();
        }
        else writer.WriteNullValue();
    }

    /// <summary>Deep equality of two attribute values (numbers compared by value, maps by content).</summary>
    public static bool Equal(AttributeValue a, AttributeValue b)
    {
        if (a.S is not null || b.S is not null) return a.S == b.S;
        if (a.N is not null || b.N is not null) return a.N is not null && b.N is not null && decimal.Parse(a.N, System.Globalization.CultureInfo.InvariantCulture) == decimal.Parse(b.N, System.Globalization.CultureInfo.InvariantCulture);
        if (a.BOOL is not null || b.BOOL is not null) return a.BOOL == b.BOOL;
        if (a.M is not null || b.M is not null) return a.M is not null && b.M is not null && Equal(a.M, b.M, NothingIgnored);
        if (a.L is not null || b.L is not null) return a.L is not null && b.L is not null && a.L.Count == b.L.Count && a.L.Zip(b.L).All(p => Equal(p.First, p.Second));
        return (a.NULL ?? false) == (b.NULL ?? false);
    }

    public static bool Equal(IReadOnlyDictionary<string, AttributeValue> a, IReadOnlyDictionary<string, AttributeValue> b, IReadOnlySet<string> ignored)
    {
        var left = a.Keys.Where(k => !ignored.Contains(k)).ToHashSet();
        var right = b.Keys.Where(k => !ignored.Contains(k)).ToHashSet();
        return left.SetEquals(right) && left.All(k => Equal(a[k], b[k]));
    }
}
