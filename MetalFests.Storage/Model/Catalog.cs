namespace MetalFests.Storage.Model;

public sealed record Member(string Name, IReadOnlyList<string> RoleKeys);

/// <summary>BAND: the full band, as <c>GET /api/bands/{key}</c> shows it.</summary>
public sealed record Band(
    string Key,
    string Name,
    string? Country,
    string? Description,
    string? Logo,
    string? HeadlineImage,
    string? Website,
    string? Spotify,
    IReadOnlyList<string> GenreKeys,
    IReadOnlyList<Member> Members,
    bool Reviewed);

/// <summary>A genre as a band's page shows it; copied into the BAND item so that the page is one read.</summary>
public sealed record BandGenre(string Key, string Name, string? Description)
{
    public static BandGenre From(Genre g) => new(g.Key, g.Name, g.Description);
}

/// <summary>A role as a band's page shows it; copied into the BAND item so that the page is one read.</summary>
public sealed record BandRole(string Key, string Name, string Category)
{
    public static BandRole From(Role r) => new(r.Key, r.Name, r.Category);
}

/// <summary>BAND as stored: the band, and copies of the genres and roles it references (kept in step by every write).</summary>
public sealed record BandDetail(Band Band, IReadOnlyList<BandGenre> Genres, IReadOnlyList<BandRole> Roles);

/// <summary>BAND_METADATA: the row of <c>GET /api/bands</c>, exactly the seed's list shape.</summary>
public sealed record BandSummary(
    string Key,
    string Name,
    string? Country,
    IReadOnlyList<string> GenreKeys,
    IReadOnlyList<string> GenreNames,
    string? Logo,
    bool Reviewed,
    int FestivalCount);

/// <summary>GENRE (and its list row GENRE_METADATA).</summary>
public sealed record Genre(string Key, string Name, string? Description, int BandCount);

/// <summary>GENRE_BAND: a band in a genre's partition.</summary>
public sealed record GenreBand(string GenreKey, string BandKey, string BandName, string? Country, bool Reviewed);

/// <summary>ROLE (and its list row ROLE_METADATA).</summary>
public sealed record Role(string Key, string Name, string Category, string? Description, int BandMemberCount);

/// <summary>ROLE_MEMBER: one band member holding a role, in the role's partition.</summary>
public sealed record RoleMember(string RoleKey, string BandKey, string BandName, string MemberName);
