namespace MetalFests.Migrator.Source;

/// <summary>A documented default: what a record that lacks an optional field gets.</summary>
public sealed record DefaultRule(string Field, string Default, string Why);

/// <summary>How often a default was applied, and to which records (the first few).</summary>
public sealed record DefaultApplied(string Field, string Default, string Why, int Count, IReadOnlyList<string> Records);

/// <summary>
/// The defaults for optional fields that older db.json files lack (line-up entries without <c>size</c>
/// in the upstream project's history). A field that is present but of the wrong type is still refused.
/// Each application is counted for the report; the current db.json has every field, so none applies.
/// </summary>
public static class SourceDefaults
{
    public static readonly DefaultRule LineupSize = new("festivals[].bands[].size", "0",
        "the upstream's own reader (a Go int) reads a missing size as 0, a billing tier the current file uses too");
    public static readonly DefaultRule TicketPrice = new("festivals[].ticketPrice", "none", "no price is shown rather than a made-up one");
    public static readonly DefaultRule Coordinates = new("festivals[].coordinates", "none", "the festival is left off the map and out of distance filters");
    public static readonly DefaultRule FestivalText = new("festivals[].poster|website", "absent", "blank text is stored as absent");
    public static readonly DefaultRule BandText = new("bands[].country|description|logo|headlineImage|website|spotify", "absent", "blank text is stored as absent");
    public static readonly DefaultRule Genres = new("bands[].genres", "[]", "a band with no genre is listed under none");
    public static readonly DefaultRule Members = new("bands[].members", "[]", "a band with no members holds no role");
    public static readonly DefaultRule MemberRole = new("bands[].members[].role", "no role", "as for a placeholder role such as 'N/A'");
    public static readonly DefaultRule Reviewed = new("bands[].reviewed", "false", "unreviewed: the band shows in /api/bands/unreviewed");

    /// <summary>How many records a report names per default (the count is always whole).</summary>
    public const int RecordsNamed = 10;
}

/// <summary>The defaults applied while reading one file.</summary>
public sealed class DefaultsLog
{
    private readonly Dictionary<DefaultRule, List<string>> _applied = [];

    public void Applied(DefaultRule rule, string record)
    {
        if (!_applied.TryGetValue(rule, out var records))
        {
            _applied[rule] = records = [];
        }
        records.Add(record);
    }

    public IReadOnlyList<DefaultApplied> Summary() =>
        [.. _applied.Select(a => new DefaultApplied(a.Key.Field, a.Key.Default, a.Key.Why, a.Value.Count, [.. a.Value.Take(SourceDefaults.RecordsNamed)]))];
}
