using MetalFests.Api.Http;
using MetalFests.Storage.Model;

namespace MetalFests.CatalogService.Bands;

/// <summary>List filters beyond the seed: <c>q</c> (name contains, any case), <c>country</c>, <c>genre</c> (a genre key).</summary>
public sealed record BandFilters(string? Query, string? Country, string? Genre)
{
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

    public IReadOnlyList<BandSummary> Apply(IEnumerable<BandSummary> rows) =>
    [
        .. rows
            .Where(r => Query is null || r.Name.Contains(Query, StringComparison.OrdinalIgnoreCase))
            .Where(r => Country is null || string.Equals(r.Country, Country, StringComparison.OrdinalIgnoreCase))
            .Where(r => Genre is null || r.GenreKeys.Contains(Genre)),
    ];
}
