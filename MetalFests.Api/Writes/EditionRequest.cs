using System.Text.Json;
using MetalFests.Api.Http;
using MetalFests.Storage.Model;

namespace MetalFests.Api.Writes;

/// <summary>An edition as a client writes it: the festival and the year come from the path.</summary>
public sealed record EditionInput(DateRange Dates, IReadOnlyList<LineupBand> Bands, decimal? TicketPrice, string Currency, string Status);

/// <summary>The body of an edition create or replace (<c>PUT /api/festivals/{key}/editions/{year}</c>).</summary>
public static class EditionRequest
{
    public const int MaxBands = 1000;

    public static Validated<EditionInput> Parse(JsonElement root, int year) =>
        FieldReader.Parse(root, body =>
        {
            var dates = body.RequiredObject("dates", range => Dates(range, year));
            var bands = Lineup(body);
            var ticketPrice = body.OptionalDecimal("ticketPrice", min: 0, maxDecimals: 2);
            var currency = body.OneOf("currency", Currencies.Active, Currencies.Default, rule: "an active ISO 4217 currency code, such as EUR");
            var status = body.OneOf("status", EditionStatus.All, EditionStatus.Announced);
            return dates is null || bands is null ? null : new EditionInput(dates, bands, ticketPrice, currency, status);
        });

    private static DateRange? Dates(FieldReader range, int year)
    {
        var start = range.RequiredDate("start");
        var end = range.RequiredDate("end");
        if (start is { } first && first.Year != year)
        {
            range.AddError("start", $"must be in the edition's year {year}");
        }
        if (start is { } from && end is { } to && to < from)
        {
            range.AddError("end", $"must not be before '{range.Path("start")}'");
        }
        return start is null || end is null ? null : new DateRange(start.Value, end.Value);
    }

    /// <summary>
    /// The line-up; the band names are checked but not kept by storage, which shows each band's own name.
    /// A band billed twice is an error on its second place.
    /// </summary>
    private static IReadOnlyList<LineupBand>? Lineup(FieldReader body)
    {
        var firstPlace = new Dictionary<string, string>(StringComparer.Ordinal);
        return body.ObjectArray("bands", required: true, MaxBands, band =>
        {
            var key = band.RequiredKey("key");
            var name = band.OptionalString("name", maxLength: 200);
            var size = band.RequiredInt("size", 0, 3);
            if (key is not null && !firstPlace.TryAdd(key, band.Location))
            {
                band.AddError("key", $"appears twice in the line-up (first at {firstPlace[key]})");
                return null;
            }
            return key is null || size is null ? null : new LineupBand(key, name ?? "", size.Value);
        });
    }
}
