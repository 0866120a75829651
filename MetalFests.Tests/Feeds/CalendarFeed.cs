using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Ical.Net.CalendarComponents;
using MetalFests.Tests.PublicApi;

namespace MetalFests.Tests.Feeds;

/// <summary>A calendar feed as a client receives it: the bytes, the text, and the calendar Ical.Net reads from it.</summary>
internal sealed record CalendarFeed(HttpResponseMessage Response, byte[] Bytes, string Text, Ical.Net.Calendar Calendar) : IDisposable
{
    public void Dispose() => Response.Dispose();

    /// <summary>UTF-8 that refuses a broken byte sequence (e.g. a fold inside a character).</summary>
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>GET a calendar that must answer 200 <c>text/calendar; charset=utf-8</c>.</summary>
    public static async Task<CalendarFeed> GetAsync(HttpClient gateway, string path)
    {
        var response = await gateway.GetAsync(path);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = StrictUtf8.GetString(bytes);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {text}");
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        return new CalendarFeed(response, bytes, text, Ical.Net.Calendar.Load(text)!);
    }

    /// <summary>The content lines with folding undone (RFC 5545 §3.1: a CRLF followed by one space or tab continues the line).</summary>
    public IReadOnlyList<string> UnfoldedLines =>
        Text.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\r\n\t", "", StringComparison.Ordinal)
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    /// <summary>An edition's event, found by its documented UID <c>{festivalKey}-{year}@metalfests</c>.</summary>
    public CalendarEvent Event(string festivalKey, int year) =>
        Assert.Single(Calendar.Events, e => e.Uid == $"{festivalKey}-{year.ToString(CultureInfo.InvariantCulture)}@metalfests");

    /// <summary>RFC 5545 §3.3.11: a TEXT value escapes backslash, semicolon, comma and line breaks.</summary>
    public static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>
    /// The documented description of an edition (the OpenAPI text of the feeds): "Line-up: " and the band
    /// names in the line-up's order, then "Tickets: {price} {currency}" on a line of its own.
    /// </summary>
    public static string Description(JsonElement edition)
    {
        var names = edition.Rows("bands").Select(b => b.Str("name")).ToList();
        var text = "Line-up: " + (names.Count == 0 ? "to be announced" : string.Join(", ", names));
        return edition.GetProperty("ticketPrice") is { ValueKind: JsonValueKind.Number } price
            ? text + $"\nTickets: {price.GetDecimal().ToString("0.00", CultureInfo.InvariantCulture)} {edition.Str("currency")}"
            : text;
    }

    /// <summary>
    /// An edition's event against <c>GET /api/festivals/{key}</c>: all-day DATE values with the end exclusive,
    /// the festival's name, location, coordinates and website, the line-up in the description.
    /// </summary>
    public static void AssertMatches(CalendarEvent e, JsonElement festival, JsonElement edition)
    {
        var key = festival.Str("key");
        var dates = edition.GetProperty("dates");
        Assert.True(e.IsAllDay, $"{key}: not all-day");
        Assert.False(e.DtStart!.HasTime, $"{key}: DTSTART is not a DATE");
        Assert.False(e.DtEnd!.HasTime, $"{key}: DTEND is not a DATE");
        Assert.Equal(dates.Date("start"), e.DtStart.Date);
        Assert.Equal(dates.Date("end").AddDays(1), e.DtEnd.Date);
        Assert.Equal(festival.Str("name"), e.Summary);
        Assert.Equal(festival.Str("location"), e.Location);
        Assert.Equal(festival.StrOrNull("website"), e.Url?.OriginalString);
        var coordinates = festival.GetProperty("coordinates");
        Assert.Equal(coordinates.GetProperty("lat").GetDouble(), e.GeographicLocation!.Latitude, 6);
        Assert.Equal(coordinates.GetProperty("lng").GetDouble(), e.GeographicLocation.Longitude, 6);
        Assert.Equal(Description(edition), e.Description);
        Assert.Equal(edition.Str("status") == "cancelled" ? "CANCELLED" : "CONFIRMED", e.Status);
    }
}
