using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.PublicApi;

/// <summary>
/// What the public API should answer, recomputed from db.json (read plainly) by the migration's
/// documented rules: text trimmed and stripped of control characters, blank text absent; a missing or
/// invalid key derived from the name; band records sharing a key merged into one band; a band listed
/// several times on a line-up kept once at its smallest size; a line-up key with no band record
/// becoming an unreviewed stub band; one edition per festival, its year the start date's, priced in EUR.
/// </summary>
internal static partial class Expected
{
    public const string Currency = "EUR";
    public const string KeyPrefix = "band";

    /// <summary>The festivals service's pinned "today".</summary>
    public static DateOnly Today => AppFixture.Today;

    public sealed record LineupEntry(string Key, string Name, int Size);

    public sealed record FestivalData(
        string Key, string Name, string Location, double Lat, double Lng, string? Website, string? Poster,
        DateOnly Start, DateOnly End, decimal TicketPrice, IReadOnlyDictionary<string, LineupEntry> Lineup)
    {
        public int Year => Start.Year;
        public string Country => Location.Split(',').Last().Trim();
    }

    public sealed record BandData(string Key, IReadOnlyList<JsonElement> Records, IReadOnlyList<string> StubNames, int FestivalCount)
    {
        public bool IsStub => Records.Count == 0;
        public bool IsMerged => Records.Count > 1;
        public bool Reviewed => Records.Any(r => r.GetProperty("reviewed").GetBoolean());
    }

    public static IReadOnlyList<FestivalData> Festivals { get; } = [.. RealData.Instance.Festivals.Select(ReadFestival)];

    public static IReadOnlyDictionary<string, FestivalData> FestivalsByKey { get; } = Festivals.ToDictionary(f => f.Key);

    /// <summary>Every band the API should list, by key: the file's records and the stubs of dangling line-up keys.</summary>
    public static IReadOnlyDictionary<string, BandData> Bands { get; } = ReadBands();

    /// <summary>The upcoming festivals on the pinned today: latest edition not ended (end ≥ today), earliest start first, then by key.</summary>
    public static IReadOnlyList<string> UpcomingKeys { get; } =
    [
        .. Festivals.Where(f => f.End >= Today).OrderBy(f => f.Start).ThenBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key),
    ];

    /// <summary>The status the migrator gives an edition: completed once ended on its (system) clock, else announced.</summary>
    public static string Status(FestivalData festival) =>
        festival.End < DateOnly.FromDateTime(DateTime.UtcNow) ? "completed" : "announced";

    /// <summary>Text as stored: control characters (stray NULs) removed, trimmed.</summary>
    public static string Clean(string text) => string.Concat(text.Where(c => !char.IsControl(c))).Trim();

    /// <summary>Optional text as stored: cleaned, and absent (null) when nothing is left.</summary>
    public static string? Optional(JsonElement record, string property) =>
        record.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && Clean(value.GetString()!) is { Length: > 0 } text ? text : null;

    /// <summary>
    /// A band's key by the README's rule, read by the test itself: the file's key when it is one (lower-case letters and
    /// digits in hyphen-separated words); else, for a name without Latin letters or digits — the only keyless entries
    /// db.json has ('郁', '*******') — <c>band-</c> and the first 8 hex digits of the SHA-256 of the name.
    /// </summary>
    public static string KeyOf(string key, string name)
    {
        if (KeyShape().IsMatch(key))
        {
            return key;
        }
        Assert.DoesNotMatch("[A-Za-z0-9]", name);
        return $"{KeyPrefix}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name.Trim())))[..8]}";
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KeyShape();

    private static FestivalData ReadFestival(JsonElement f)
    {
        var lineup = new Dictionary<string, LineupEntry>();
        foreach (var band in f.GetProperty("bands").EnumerateArray())
        {
            var name = band.GetProperty("name").GetString()!;
            var key = KeyOf(band.GetProperty("key").GetString()!, name);
            var size = band.GetProperty("size").GetInt32();
            lineup[key] = lineup.TryGetValue(key, out var first)
                ? first with { Size = Math.Min(first.Size, size) }
                : new LineupEntry(key, Clean(name), size);
        }
        var coordinates = f.GetProperty("coordinates");
        return new FestivalData(
            f.GetProperty("key").GetString()!, Clean(f.GetProperty("name").GetString()!), Clean(f.GetProperty("location").GetString()!),
            coordinates.GetProperty("lat").GetDouble(), coordinates.GetProperty("lng").GetDouble(),
            Optional(f, "website"), Optional(f, "poster"),
            ParseDate(f.GetProperty("dates").GetProperty("start")), ParseDate(f.GetProperty("dates").GetProperty("end")),
            f.GetProperty("ticketPrice").GetDecimal(), lineup);
    }

    private static Dictionary<string, BandData> ReadBands()
    {
        var records = RealData.Instance.Bands
            .GroupBy(b => KeyOf(b.GetProperty("key").GetString()!, b.GetProperty("name").GetString()!), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<JsonElement>)[.. g], StringComparer.Ordinal);
        var lineupNames = Festivals.SelectMany(f => f.Lineup.Values)
            .GroupBy(e => e.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(e => e.Name).Distinct()], StringComparer.Ordinal);
        return records.Keys.Union(lineupNames.Keys).ToDictionary(
            key => key,
            key => new BandData(key,
                records.GetValueOrDefault(key) ?? [],
                records.ContainsKey(key) ? [] : lineupNames[key],
                Festivals.Count(f => f.Lineup.ContainsKey(key))),
            StringComparer.Ordinal);
    }

    private static DateOnly ParseDate(JsonElement value) => DateOnly.ParseExact(value.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
