using System.Globalization;
using MetalFests.Api.Http;
using MetalFests.Api.Search;
using MetalFests.ServiceDefaults.Errors;
using MetalFests.Storage.Model;

namespace MetalFests.FestivalsService.Festivals;

/// <summary>
/// The list filters beyond the seed: <c>q</c> (a word of the name, location or country starts with it,
/// by the search policy <see cref="SearchText"/>: name matches first, exact and prefix ones first of all),
/// <c>country</c> (the same name under that policy),
/// <c>from</c>/<c>to</c> (the latest edition overlaps the range) and <c>near=lat,lng</c> with an
/// optional <c>radiusKm</c> (rows gain <c>distanceKm</c> and come nearest first).
/// </summary>
public sealed record FestivalFilters(string? Query, string? Country, DateOnly? From, DateOnly? To, Coordinates? Near, double? RadiusKm)
{
    public const double MaxRadiusKm = 20_000;

    public static Validated<FestivalFilters> Parse(string? q, string? country, string? from, string? to, string? near, string? radiusKm)
    {
        var query = Parameters.Search(q);
        if (query.Error is { } e1) return e1;
        var countryName = Parameters.Search(country, "country");
        if (countryName.Error is { } e2) return e2;
        var fromDate = Parameters.Date(from, "from");
        if (fromDate.Error is { } e3) return e3;
        var toDate = Parameters.Date(to, "to");
        if (toDate.Error is { } e4) return e4;
        if (fromDate.Value > toDate.Value)
        {
            return ApiError.InvalidParameter("to", "must not be before 'from'");
        }
        var point = ParseNear(near);
        if (point.Error is { } e5) return e5;
        double? radius = null;
        if (radiusKm is not null)
        {
            if (point.Value is null)
            {
                return ApiError.InvalidParameter("radiusKm", "needs 'near'");
            }
            if (!double.TryParse(radiusKm, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) || !(r > 0 && r <= MaxRadiusKm))
            {
                return ApiError.InvalidParameter("radiusKm", $"must be a number above 0 and at most {MaxRadiusKm}");
            }
            radius = r;
        }
        return new FestivalFilters(query.Value, countryName.Value, fromDate.Value, toDate.Value, point.Value, radius);
    }

    private const int CountryField = 2;

    public IReadOnlyList<FestivalSummary> Apply(IReadOnlyList<FestivalSummary> rows)
    {
        var index = SearchIndex<FestivalSummary>.For(rows, r => [r.FestivalName, r.Location, r.Country]);
        IEnumerable<FestivalSummary> matched = Query is null ? rows : index.Find(Query);
        if (Country is not null)
        {
            matched = matched.Where(new HashSet<FestivalSummary>(index.Equal(CountryField, Country), ReferenceEqualityComparer.Instance).Contains);
        }
        var selected = matched
            .Where(r => From is null || r.LatestEdition?.Dates.End >= From)
            .Where(r => To is null || r.LatestEdition?.Dates.Start <= To);
        if (Near is not { } point)
        {
            return [.. selected];
        }
        return [.. selected
            .Where(r => r.Coordinates is not null)
            .Select(r => r with { DistanceKm = Math.Round(Geo.DistanceKm(point, r.Coordinates!), 1) })
            .Where(r => RadiusKm is null || r.DistanceKm <= RadiusKm)
            .OrderBy(r => r.DistanceKm)];
    }

    private static Validated<Coordinates?> ParseNear(string? near)
    {
        if (near is null)
        {
            return (Coordinates?)null;
        }
        var parts = near.Split(',');
        if (parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) && lat is >= -90 and <= 90
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lng) && lng is >= -180 and <= 180)
        {
            return new Coordinates(lat, lng);
        }
        return ApiError.InvalidParameter("near", "must be 'lat,lng' with lat from -90 to 90 and lng from -180 to 180");
    }
}
