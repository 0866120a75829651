using MetalFests.Storage;

namespace MetalFests.Migrator.Migration;

/// <summary>What a migration read, decided, wrote and verified; printed, and written as JSON with <c>--report</c>.</summary>
public sealed record MigrationReport(
    string Source,
    string Table,
    bool DryRun,
    DateTime StartedAt,
    double DurationSeconds,
    IReadOnlyDictionary<string, double> PhaseSeconds,
    SourceCounts Read,
    SourceDecisions Decisions,
    DatasetCounts Dataset,
    ItemCounts Items,
    Verification Verification,
    int VersionsBumped,
    LoadMarker? Marker)
{
    public bool Succeeded => Verification.Problems.Count == 0;
}

public enum IfEmptyOutcome
{
    /// <summary>Marked loaded already: nothing to do.</summary>
    Loaded,

    /// <summary>Loaded by an older migrator, verified, and marked loaded now.</summary>
    Adopted,

    /// <summary>Empty, not loaded completely, or holding only items no migration wrote: to be loaded.</summary>
    Load,
}

public sealed record IfEmptyDecision(IfEmptyOutcome Outcome, string Reason, LoadMarker? Marker);

public sealed record SourceCounts(int FestivalRecords, int BandRecords, int LineupReferences, int DistinctBandKeys);

public sealed record DatasetCounts(int Festivals, int Editions, int Bands, int StubBands, int Genres, int Roles);

public sealed record ItemCounts(
    IReadOnlyDictionary<string, int> Desired,
    IReadOnlyDictionary<string, int> Written,
    IReadOnlyDictionary<string, int> Deleted,
    int Unchanged,
    IReadOnlyList<string> KeptEditedByAdmin,
    IReadOnlyList<string> KeptOnlyInTable);

public sealed record Verification(int ItemsChecked, int ReferencesChecked, IReadOnlyList<string> Problems);
