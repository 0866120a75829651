using MetalFests.Api.Http;
using MetalFests.Api.Search;
using MetalFests.Storage.Model;

namespace MetalFests.CatalogService.Bands;

/// <summary>
/// List filters beyond the seed: <c>q</c> (a word of the name starts with it, by the search policy
/// <see cref="SearchText"/>), <c>country</c> (the same name under that policy), <c>genre</c> (a genre key).
/// </summary>
public sealed record BandFilters(string? Query, string? Country, string? Genre)
{
    private const int NameField = 0;
    private const int CountryField = 1;

    public static Validated<BandFilters> Parse(string? q, string? country, string? genre)
    {
        var query = Parameters.Search(q);
        if (query.Error is { } e1) return e1;
        var countryName = Parameters.Search(country, "country");
        if (countryName.Error is { } e2) return e2;
        var genreKey = Parameters.OptionalKey(genre, "genre");
        if (genreKey.Error is { } e3) return e3;
        return new BandFilters(query.Value, countryName.Value, genreKey.Value);
    }

    /// <summary>
    /// The rows kept; with <c>q</c> and <paramref name="ranked"/>, exact and prefix matches of the name
    /// first (version 1), else in the rows' (key) order (version 2's cursor walks keys).
    /// </summary>
    public IReadOnlyList<BandSummary> Apply(IReadOnlyList<BandSummary> rows, bool ranked)
    {
        var index = SearchIndex<BandSummary>.For(rows, r => [r.Name, r.Country]);
        IEnumerable<BandSummary> selected = rows;
        if (Query is not null)
        {
            var found = index.Find(Query, searched: CountryField);
            selected = ranked ? found : rows.Where(new HashSet<BandSummary>(found, ReferenceEqualityComparer.Instance).Contains);
        }
        if (Country is not null)
        {
            selected = selected.Where(new HashSet<BandSummary>(index.Equal(CountryField, Country), ReferenceEqualityComparer.Instance).Contains);
        }
        return [.. selected.Where(r => Genre is null || r.GenreKeys.Contains(Genre))];
    }
}
