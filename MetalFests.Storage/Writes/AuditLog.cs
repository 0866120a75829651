using System.Text.Json;
using System.Text.Json.Serialization;
using Amazon.DynamoDBv2.Model;

namespace MetalFests.Storage.Writes;

using Item = Dictionary<string, AttributeValue>;

/// <summary>What a write changed, in short: versions, names and the fields that differ.</summary>
public sealed record AuditSummary(long? VersionBefore, long? VersionAfter, string? NameBefore, string? NameAfter, IReadOnlyList<string> ChangedFields);

/// <summary>One write, as <c>GET /api/admin/audit</c> shows it: who (key id), what, when, and the request it came from.</summary>
public sealed record AuditEntry(
    string Id,
    DateTime At,
    string KeyId,
    string Action,
    string EntityType,
    string EntityKey,
    string? RequestId,
    AuditSummary Summary);

public static class AuditActions
{
    public const string Create = "create", Update = "update", Replace = "replace", Delete = "delete";
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(AuditEntry))]
internal sealed partial class AuditJsonContext : JsonSerializerContext;

/// <summary>The audit item of a write: written in the same transaction (or journal) as the write itself.</summary>
public static class AuditLog
{
    public static Item Item(AuditEntry entry)
    {
        using var document = JsonSerializer.SerializeToDocument(entry, AuditJsonContext.Default.AuditEntry);
        var item = AttributeJson.ToItem(document.RootElement);
        item[TableLayout.PK] = new AttributeValue(TableLayout.AuditPk);
        item[TableLayout.SK] = new AttributeValue(TableLayout.AuditSk(entry.At, entry.Id));
        item[TableLayout.TypeAttribute] = new AttributeValue(TableLayout.Types.Audit);
        return item;
    }

    public static AuditEntry Read(Item item)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            AttributeJson.Write(writer, item);
        }
        return JsonSerializer.Deserialize(buffer.WrittenSpan, AuditJsonContext.Default.AuditEntry)!;
    }

    /// <summary>The summary of a change from the entity's items before and after (either may be missing).</summary>
    public static AuditSummary Summarize(Item? before, Item? after)
    {
        var changed = new SortedSet<string>(StringComparer.Ordinal);
        if (before is not null && after is not null)
        {
            foreach (var name in before.Keys.Union(after.Keys))
            {
                if (Items.StampAttributes.Contains(name) || name is TableLayout.PK or TableLayout.SK || name.StartsWith("GSI", StringComparison.Ordinal))
                {
                    continue;
                }
                if (!before.TryGetValue(name, out var a) || !after.TryGetValue(name, out var b) || !AttributeJson.Equal(a, b))
                {
                    changed.Add(name);
                }
            }
        }
        return new AuditSummary(
            before is null ? null : Items.VersionOf(before),
            after is null ? null : Items.VersionOf(after),
            Name(before), Name(after), [.. changed]);
    }

    private static string? Name(Item? item) =>
        item is null ? null : item.TryGetValue("name", out var n) ? n.S : item.TryGetValue("festivalName", out var f) ? f.S : null;
}
