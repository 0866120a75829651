using Amazon.DynamoDBv2.Model;

namespace MetalFests.Storage.Writes;

using Item = Dictionary<string, AttributeValue>;

/// <summary>
/// Everything one write changes, as whole items to put and keys to delete. Items are computed from
/// what the writer read under the lease, so applying a plan twice gives the same table: that is what
/// lets a journal be finished by anyone after a failure.
/// </summary>
public sealed class WritePlan
{
    private readonly Dictionary<(string Pk, string Sk), Item> _puts = [];
    private readonly HashSet<(string Pk, string Sk)> _deletes = [];

    public IReadOnlyCollection<Item> Puts => _puts.Values;
    public IReadOnlyCollection<(string Pk, string Sk)> Deletes => _deletes;
    public int Count => _puts.Count + _deletes.Count;

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

    public WritePlan Delete(Item item) => Delete(Items.Pk(item), Items.Sk(item));
}
