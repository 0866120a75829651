using System.Text.Json.Serialization;

namespace MetalFests.Storage.Model;

public sealed record Coordinates(double Lat, double Lng);

/// <summary>ISO dates (<c>yyyy-MM-dd</c>), as the seed prints them.</summary>
public sealed record DateRange(DateOnly Start, DateOnly End);

/// <summary>FESTIVAL: a festival's general information (the seed's festival detail).</summary>
public sealed record Festival(
    string Key,
    string Name,
    string Location,
    Coordinates? Coordinates,
    string? Website,
    string? Poster,
    string? Description)
{
    /// <summary>The country part of "City, Country": what GSI2 and the country filter use.</summary>
    [JsonIgnore]
    public string Country => Locations.Country(Location);
}

/// <summary>Locations are written "City, Country" (as in db.json).</summary>
public static class Locations
{
    public static string Country(string location) => location.Split(',').Last().Trim();
}

/// <summary>A band on a line-up; <c>size</c> is the billing tier (0/1 top … 3 smallest).</summary>
public sealed record LineupBand(string Key, string Name, int Size);

/// <summary>EDITION: one year of a festival.</summary>
public sealed record Edition(
    string FestivalKey,
    string FestivalName,
    int Year,
    DateRange Dates,
    IReadOnlyList<LineupBand> Bands,
    decimal? TicketPrice,
    string Currency,
    string Status);

public static class EditionStatus
{
    public const string Announced = "announced";
    public const string Confirmed = "confirmed";
    public const string Cancelled = "cancelled";
    public const string Completed = "completed";
    public static readonly IReadOnlyList<string> All = [Announced, Confirmed, Cancelled, Completed];
}

/// <summary>The latest edition as the festival list shows it.</summary>
public sealed record LatestEdition(int Year, DateRange Dates, int BandCount, decimal? TicketPrice, string Currency);

/// <summary>
/// FESTIVAL_METADATA: the row of <c>GET /api/festivals</c>, exactly the seed's list shape.
/// <see cref="DistanceKm"/> is computed per request (<c>near=</c>) and never stored.
/// </summary>
public sealed record FestivalSummary(
    string FestivalKey,
    string FestivalName,
    string Location,
    Coordinates? Coordinates,
    string? Website,
    string? Poster,
    LatestEdition? LatestEdition,
    IReadOnlyList<int> Editions,
    int TotalEditions,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? DistanceKm = null)
{
    [JsonIgnore]
    public string Country => Locations.Country(Location);
}

/// <summary>APPEARANCE: a band on one edition's line-up, stored in the band's partition.</summary>
public sealed record Appearance(
    string BandKey,
    string FestivalKey,
    string FestivalName,
    string Location,
    int Year,
    DateRange Dates,
    int Size);
