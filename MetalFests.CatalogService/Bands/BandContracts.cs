using MetalFests.Storage.Model;

namespace MetalFests.CatalogService.Bands;

/// <summary><c>GET /api/bands</c> (and <c>/reviewed</c>, <c>/unreviewed</c>): list rows in the seed's shape, paginated.</summary>
public sealed record BandPage(IReadOnlyList<BandSummary> Bands, int Count, int Total, int Limit, int Offset);

/// <summary><c>GET /api/v2/bands</c>: a page of the bands in key order; <c>next</c> is the cursor of the page after it (null on the last).</summary>
public sealed record BandCursorPage(IReadOnlyList<BandSummary> Bands, int Count, int Limit, string? Next);

/// <summary><c>GET /api/bands/{key}</c>: the band with the genres and roles it references.</summary>
public sealed record BandDetailResponse(Band Band, IReadOnlyList<BandGenre> Genres, IReadOnlyList<BandRole> Roles);


/// <summary><c>GET /api/bands/{key}/festivals</c>: the editions whose line-up holds the band, soonest first.</summary>
public sealed record BandFestivalsResponse(string BandKey, string BandName, IReadOnlyList<BandAppearance> Festivals, int Count);

public sealed record BandAppearance(string FestivalKey, string FestivalName, string Location, int Year, DateRange Dates, int Size)
{
    public static BandAppearance From(Appearance a) => new(a.FestivalKey, a.FestivalName, a.Location, a.Year, a.Dates, a.Size);
}
