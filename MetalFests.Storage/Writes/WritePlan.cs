using Amazon.DynamoDBv2.Model;

namespace MetalFests.Storage.Writes;

using Item = Dictionary<string, AttributeValue>;

/// <summary>
/// Everything one write changes, as whole items to put and keys to delete, and what it read to compute
/// them: each <see cref="Expect(Item)"/>ed item must be unchanged (same version, same journal marker) and
/// each <see cref="ExpectAbsent"/>ed key still absent when the plan commits, or the commit fails and the
/// write reads and plans again. Items are computed from what the writer read, so applying a plan twice
/// gives the same table: that is what lets a journal be finished by another writer after a failure.
/// </summary>
public sealed class WritePlan
{
    private readonly Dictionary<(string Pk, string Sk), Item> _puts = [];
    private readonly HashSet<(string Pk, string Sk)> _deletes = [];
    private readonly Dictionary<(string Pk, string Sk), Item?> _expected = [];

    public IReadOnlyCollection<Item> Puts => _puts.Values;
    public IReadOnlyCollection<(string Pk, string Sk)> Deletes => _deletes;

    /// <summary>The items the plan was computed from, as read (null: read as absent).</summary>
    public IReadOnlyDictionary<(string Pk, string Sk), Item?> Expected => _expected;

    /// <summary>Expected items the plan neither puts nor deletes: checked, not written.</summary>
    public IEnumerable<(string Pk, string Sk)> Checks => _expected.Keys.Where(k => !_puts.ContainsKey(k) && !_deletes.Contains(k));

    /// <summary>Items written (put or deleted).</summary>
    public int Count => _puts.Count + _deletes.Count;

    /// <summary>Items a single transaction of this plan holds: writes and checks.</summary>
    public int TransactionSize => Count + Checks.Count();

    /// <summary>Puts an item (a later put or delete of the same key replaces an earlier one).</summary>
    public WritePlan Put(Item item)
    {
        var key = (Items.Pk(item), Items.Sk(item));
        _deletes.Remove(key);
        _puts[key] = item;
        return this;
    }

    public WritePlan Delete(string pk, string sk)
    {
        if (!_puts.ContainsKey((pk, sk)))
        {
            _deletes.Add((pk, sk));
        }
        return this;
    }

    /// <summary>Deletes an item the write read: the delete happens only if it is unchanged.</summary>
    public WritePlan Delete(Item item) => Expect(item).Delete(Items.Pk(item), Items.Sk(item));

    /// <summary>The commit requires <paramref name="read"/> unchanged (the first read of a key counts).</summary>
    public WritePlan Expect(Item read)
    {
        _expected.TryAdd((Items.Pk(read), Items.Sk(read)), read);
        return this;
    }

    /// <summary>The commit requires the key still absent (a create).</summary>
    public WritePlan ExpectAbsent(string pk, string sk)
    {
        _expected.TryAdd((pk, sk), null);
        return this;
    }
}
