using System.Globalization;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using MetalFests.FestivalsService.Festivals;
using MetalFests.Storage.Model;

namespace MetalFests.FestivalsService.Feeds;

/// <summary>What a calendar shows of one festival: where it is, and its editions.</summary>
public sealed record CalendarFestival(string Key, string Name, string Location, Coordinates? Coordinates, string? Website, IReadOnlyList<EditionDetail> Editions);

/// <summary>
/// The calendar feeds' text: RFC 5545 written by Ical.Net (escaping, line folding at 75 octets, CRLF),
/// one all-day VEVENT per edition.
/// </summary>
public static class FestivalCalendar
{
    public const string ProductId = "-//MetalFests//Festival calendar//EN";

    /// <summary>Published for subscription: DTSTAMP is then the time the calendar was written (RFC 5545 §3.8.7.2).</summary>
    public const string Method = "PUBLISH";

    /// <summary>Each edition's UID: the same for the same edition in every feed and every download, so clients update it in place.</summary>
    public static string Uid(string festivalKey, int year) => $"{festivalKey}-{year.ToString(CultureInfo.InvariantCulture)}@metalfests";

    /// <summary>The description of an edition: its line-up (band names, in the line-up's order), then its ticket price.</summary>
    public static string Description(EditionDetail edition)
    {
        var lines = new List<string> { "Line-up: " + (edition.Bands.Count == 0 ? "to be announced" : string.Join(", ", edition.Bands.Select(b => b.Name))) };
        if (edition.TicketPrice is { } price)
        {
            lines.Add($"Tickets: {price.ToString("0.00", CultureInfo.InvariantCulture)} {edition.Currency}");
        }
        return string.Join('\n', lines);
    }

    public static string Write(string name, IEnumerable<CalendarFestival> festivals, DateTimeOffset now)
    {
        var calendar = new Ical.Net.Calendar { ProductId = ProductId, Method = Method };
        calendar.AddProperty("X-WR-CALNAME", name);
        var stamp = new CalDateTime(new DateTime(now.UtcDateTime.Ticks - (now.UtcDateTime.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc), hasTime: true);
        var events = festivals
            .SelectMany(festival => festival.Editions.Select(edition => (Festival: festival, Edition: edition)))
            .OrderBy(e => e.Edition.Dates.Start).ThenBy(e => e.Festival.Key, StringComparer.Ordinal);
        foreach (var (festival, edition) in events)
        {
            calendar.Events.Add(Event(festival, edition, stamp));
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static CalendarEvent Event(CalendarFestival festival, EditionDetail edition, CalDateTime stamp) => new()
    {
        Uid = Uid(festival.Key, edition.Year),
        DtStamp = stamp,
        // All-day: DATE values, the end exclusive (RFC 5545 §3.6.1), so a festival ending on the 6th ends at the start of the 7th.
        DtStart = new CalDateTime(edition.Dates.Start),
        DtEnd = new CalDateTime(edition.Dates.End.AddDays(1)),
        Summary = festival.Name,
        Location = festival.Location,
        GeographicLocation = festival.Coordinates is { } at ? new GeographicLocation(at.Lat, at.Lng) : null,
        Url = festival.Website is { } website && Uri.TryCreate(website, UriKind.Absolute, out var url) ? url : null,
        Description = Description(edition),
        Status = edition.Status == EditionStatus.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
        // A festival does not make its visitors busy in the calendar's free/busy sense.
        Transparency = TransparencyType.Transparent,
    };
}
