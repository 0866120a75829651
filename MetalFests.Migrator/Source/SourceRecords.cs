namespace MetalFests.Migrator.Source;

/// <summary>db.json as it is: one edition per festival, genres and roles as free text.</summary>
public sealed record SourceFile(IReadOnlyList<SourceFestival> Festivals, IReadOnlyList<SourceBand> Bands, IReadOnlyList<DefaultApplied> Defaults);

public sealed record SourceFestival(
    int Index, string Key, string Name, DateOnly Start, DateOnly End, string Location,
    double? Lat, double? Lng, string? Poster, string? Website, IReadOnlyList<SourceLineupBand> Bands, decimal? TicketPrice);

public sealed record SourceLineupBand(string Key, string Name, int Size);

public sealed record SourceBand(
    int Index, string Key, string Name, string? Country, string? Description, string? Logo, string? HeadlineImage,
    string? Website, string? Spotify, IReadOnlyList<string> Genres, IReadOnlyList<SourceMember> Members, bool Reviewed)
{
    /// <summary>How much this record says: the most complete of duplicates is kept as the base.</summary>
    public int Completeness =>
        new[] { Country, Description, Logo, HeadlineImage, Website, Spotify }.Count(s => !string.IsNullOrWhiteSpace(s))
        + Genres.Count + Members.Count + (Description?.Length ?? 0) / 100;
}

public sealed record SourceMember(string Name, string Role);
