using System.Text.Json;
using System.Text.Json.Serialization;

namespace MetalFests.Migrator.Migration;

public static class ReportWriter
{
    public static void Print(MigrationReport report, TextWriter output)
    {
        var d = report.Decisions;
        output.WriteLine($"Migration of {report.Source} into {report.Table}{(report.DryRun ? " (dry run: nothing written)" : "")}");
        output.WriteLine($"  read:        {report.Read.FestivalRecords} festivals, {report.Read.BandRecords} band records ({report.Read.DistinctBandKeys} distinct non-empty keys), {report.Read.LineupReferences} line-up references");
        output.WriteLine($"  merged:      {d.DuplicatesMerged.Count} duplicate keys: {string.Join(", ", d.DuplicatesMerged.Select(m => $"{m.Key} (records {string.Join("+", m.Records)}, kept {m.BaseRecord})"))}");
        output.WriteLine($"  derived:     {d.DerivedKeys.Count} keys: {string.Join(", ", d.DerivedKeys.Select(k => $"{k.Record} '{k.Name}' → {k.Key}"))}");
        output.WriteLine($"  old keys:    {d.TransliteratedKeys.Count} non-ASCII keys transliterated, each kept as an alias{List(d.TransliteratedKeys.Select(t => $"{t.OldKey} → {t.Key}"))}");
        output.WriteLine($"  defaults:    {(d.DefaultsApplied.Count == 0 ? "none applied (every optional field present)" : string.Join("; ", d.DefaultsApplied.Select(a => $"{a.Field} = {a.Default} for {a.Count} records")))}");
        output.WriteLine($"  stubs:       {d.StubBands.Count} unreviewed bands created for line-up references without a band record");
        output.WriteLine($"  line-ups:    {d.LineupDuplicatesCollapsed.Count} bands listed twice on one line-up, kept once at their top billing");
        output.WriteLine($"  normalised:  {d.GenreStrings} genre strings → {report.Dataset.Genres} genres; {d.RoleStrings} role strings → {report.Dataset.Roles} roles ({d.MembersWithoutRole} members without a role)");
        output.WriteLine($"  dataset:     {report.Dataset.Festivals} festivals, {report.Dataset.Editions} editions, {report.Dataset.Bands} bands");
        output.WriteLine($"  items:       {report.Items.Desired.Values.Sum()} in all; {(report.DryRun ? "to write" : "written")} {report.Items.Written.Values.Sum()} ({Counts(report.Items.Written)}), unchanged {report.Items.Unchanged}, deleted {report.Items.Deleted.Values.Sum()}");
        if (report.Items.KeptEditedByAdmin.Count > 0 || report.Items.KeptOnlyInTable.Count > 0)
        {
            output.WriteLine($"  kept:        {report.Items.KeptEditedByAdmin.Count} entities edited by an editor, {report.Items.KeptOnlyInTable.Count} entities only in the table (an older file's, or an editor's){List(report.Items.KeptOnlyInTable)}");
        }
        if (!report.DryRun)
        {
            output.WriteLine($"  verified:    {report.Verification.ItemsChecked} items, {report.Verification.ReferencesChecked} references: {(report.Succeeded ? "no problem" : $"{report.Verification.Problems.Count} problems")}");
            foreach (var problem in report.Verification.Problems.Take(20))
            {
                output.WriteLine($"    - {problem}");
            }
            output.WriteLine($"  versions:    {report.VersionsBumped} version shards of memory-served partitions bumped (running services read them again)");
            output.WriteLine($"  marker:      {(report.Marker is { } marker ? marker.ToString() : "not marked loaded (the verification found problems)")}");
        }
        output.WriteLine($"  took:        {report.DurationSeconds:F1} s ({string.Join(", ", report.PhaseSeconds.Select(p => $"{p.Key} {p.Value:F1}"))})");
    }

    public static async Task WriteJsonAsync(MigrationReport report, string path, CancellationToken cancellationToken)
    {
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, report, ReportJsonContext.Default.MigrationReport, cancellationToken);
    }

    /// <summary>": a, b, c" for a short list, the first 20 and a count for a longer one.</summary>
    private static string List(IEnumerable<string> entries)
    {
        var all = entries.ToList();
        return all.Count == 0 ? "" : ": " + string.Join(", ", all.Take(20)) + (all.Count > 20 ? $", … ({all.Count - 20} more)" : "");
    }

    private static string Counts(IReadOnlyDictionary<string, int> counts) =>
        counts.Count == 0 ? "nothing" : string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}"));
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(MigrationReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
