using Amazon.DynamoDBv2.Model;
using MetalFests.Storage.Writes;

namespace MetalFests.Storage.Reads;

using Item = Dictionary<string, AttributeValue>;

/// <summary>
/// The versions of the partitions served from memory (<see cref="TableLayout.IsServedFromMemory"/>).
/// A partition's version is <see cref="TableLayout.VersionShards"/> small items in a partition of their
/// own (<c>VERSION#&lt;partition&gt;</c>, <c>SHARD#nn</c>), read together by one Query (a few hundred
/// bytes: one read capacity unit, strongly consistent). A write puts a new token (its audit entry's
/// unique id) on the shard of each changed item's sort key, as part of its plan: in its one transaction,
/// or through its journal, which puts the version items after all the others and before it closes
/// (a reader that sees the new token then reads every item of the write, or waits for the journal:
/// put first, another write's token could hide a partition read before this write's items). Why shards rather than one item per partition: every band write changes a row of the
/// band list, and on DynamoDB two transactions touching the same item fail with TransactionConflict, so
/// one version item would serialize all writes; with shards by row, writes of different bands collide
/// only when their keys hash to the same shard (1 in 8). A write of many rows (a 150-band line-up)
/// still touches every shard of the band list. A token rather than a counter: a put of a whole item
/// needs no read first, and applying a journal twice puts the same item.
/// </summary>
public static class PartitionVersions
{
    public const string TokenAttribute = "token";

    /// <summary>Adds to <paramref name="plan"/> a new <paramref name="token"/> on each version shard the plan's items fall on.</summary>
    public static void Bump(WritePlan plan, string token)
    {
        foreach (var version in Bumped(plan.Puts.Select(i => (Items.Pk(i), Items.Sk(i))).Concat(plan.Deletes), token))
        {
            plan.Put(version);
        }
    }

    /// <summary>
    /// The version items that record a change of the items at <paramref name="changed"/>: <paramref name="token"/> on each
    /// version shard they fall on in a memory-served partition (what a write's plan adds, and the migrator writes after a load).
    /// </summary>
    public static List<Item> Bumped(IEnumerable<(string Pk, string Sk)> changed, string token) =>
        [.. changed
            .Where(k => TableLayout.IsServedFromMemory(k.Pk))
            .Select(k => (k.Pk, Shard: ShardOf(k.Sk)))
            .Distinct()
            .Select(k => new Item(MetalFestsTable.Key(TableLayout.VersionPk(k.Pk), TableLayout.VersionShardSk(k.Shard)))
            {
                [TableLayout.TypeAttribute] = new(TableLayout.Types.PartitionVersion),
                [TokenAttribute] = new(token),
            })];

    public static bool IsVersion(Item item) => Items.TypeOf(item) == TableLayout.Types.PartitionVersion;

    /// <summary>The partition's version as read: every shard's token in shard order ("" before its first write).</summary>
    public static string Of(IEnumerable<Item> shards) =>
        string.Join(',', shards.OrderBy(Items.Sk, StringComparer.Ordinal).Select(s => $"{Items.Sk(s)}={s[TokenAttribute].S}"));

    /// <summary>FNV-1a of the sort key: the same shard in every process.</summary>
    public static int ShardOf(string sk)
    {
        var hash = 2166136261u;
        foreach (var c in sk)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)(hash % TableLayout.VersionShards);
    }
}
