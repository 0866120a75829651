using System.Runtime.CompilerServices;

namespace MetalFests.Api.Search;

/// <summary>
/// Rows with their searchable fields normalized once (<see cref="SearchText"/>), kept as long as the list
/// they were made from (a store returns the same list instance until its partition changes).
/// </summary>
public sealed class SearchIndex<T> where T : class
{
    private static readonly ConditionalWeakTable<IReadOnlyList<T>, SearchIndex<T>> Built = new();
    private readonly (T Row, string[] Fields)[] _entries;

    private SearchIndex(IReadOnlyList<T> rows, Func<T, IEnumerable<string?>> fields) =>
        _entries = [.. rows.Select(r => (r, fields(r).Select(SearchText.Normalize).ToArray()))];

    /// <summary>The index of these rows, built on first use; <paramref name="fields"/> in rank order (a name before a location).</summary>
    public static SearchIndex<T> For(IReadOnlyList<T> rows, Func<T, IEnumerable<string?>> fields) =>
        Built.GetValue(rows, r => new SearchIndex<T>(r, fields));

    /// <summary>The rows whose field <paramref name="index"/> is <paramref name="value"/> under the policy (the country filters), in order.</summary>
    public IEnumerable<T> Equal(int index, string value)
    {
        var normal = SearchText.Normalize(value);
        return _entries.Where(e => e.Fields[index] == normal).Select(e => e.Row);
    }

    /// <summary>
    /// The rows <paramref name="query"/> matches in one of the first <paramref name="searched"/> fields (all
    /// by default), best rank first — rank within a field, an earlier field first — rows of equal rank in
    /// their order here.
    /// </summary>
    public IReadOnlyList<T> Find(string query, int? searched = null)
    {
        var normal = SearchText.Normalize(query);
        var found = new List<(T Row, int Rank, int Order)>();
        for (var i = 0; i < _entries.Length; i++)
        {
            var fields = _entries[i].Fields;
            for (var f = 0; f < (searched ?? fields.Length); f++)
            {
                if (SearchText.Rank(fields[f], normal) is { } rank)
                {
                    found.Add((_entries[i].Row, f * SearchText.RanksPerField + rank, i));
                    break;
                }
            }
        }
        found.Sort((a, b) => a.Rank != b.Rank ? a.Rank.CompareTo(b.Rank) : a.Order.CompareTo(b.Order));
        return [.. found.Select(m => m.Row)];
    }
}
