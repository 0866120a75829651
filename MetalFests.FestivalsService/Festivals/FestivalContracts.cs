using MetalFests.Storage.Model;

namespace MetalFests.FestivalsService.Festivals;

/// <summary><c>GET /api/festivals</c>: every festival's list row (the seed's shape), filtered.</summary>
public sealed record FestivalList(IReadOnlyList<FestivalSummary> Festivals, int Count);

/// <summary><c>GET /api/festivals/upcoming</c>: the same rows, paginated.</summary>
public sealed record FestivalPage(IReadOnlyList<FestivalSummary> Festivals, int Count, int Total, int Limit, int Offset);

/// <summary><c>GET /api/festivals/{key}</c>: the festival and all its editions, newest first.</summary>
public sealed record FestivalDetailResponse(Festival Festival, IReadOnlyList<EditionDetail> Editions);

/// <summary>An edition inside its festival's answer (the festival is the parent, so not repeated).</summary>
public sealed record EditionDetail(int Year, DateRange Dates, IReadOnlyList<LineupBand> Bands, decimal? TicketPrice, string Currency, string Status)
{
    public static EditionDetail From(Edition e) => new(e.Year, e.Dates, e.Bands, e.TicketPrice, e.Currency, e.Status);
}
