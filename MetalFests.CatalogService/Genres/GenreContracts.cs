using MetalFests.Storage.Model;

namespace MetalFests.CatalogService.Genres;

/// <summary><c>GET /api/genres</c>.</summary>
public sealed record GenreList(IReadOnlyList<GenreSummary> Genres, int Count);

public sealed record GenreSummary(string Key, string Name, int BandCount)
{
    public static GenreSummary From(Genre g) => new(g.Key, g.Name, g.BandCount);
}

/// <summary><c>GET /api/genres/{key}</c>.</summary>
public sealed record GenreResponse(Genre Genre);

/// <summary><c>GET /api/genres/{key}/bands</c>: the genre's bands by key, paginated.</summary>
public sealed record GenreBandsPage(string GenreKey, string GenreName, IReadOnlyList<GenreBandEntry> Bands, int Count, int Total, int Limit, int Offset);

public sealed record GenreBandEntry(string Key, string Name, string? Country, bool Reviewed)
{
    public static GenreBandEntry From(GenreBand b) => new(b.BandKey, b.BandName, b.Country, b.Reviewed);
}
