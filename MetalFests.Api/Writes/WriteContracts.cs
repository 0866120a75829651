using MetalFests.Storage.Model;
using MetalFests.Storage.Writes;

namespace MetalFests.Api.Writes;

// The written entities as the seed's examples 3 and 4 show them: the record plus createdAt,
// updatedAt and the version its ETag carries.

public sealed record FestivalView(string Key, string Name, string Location, Coordinates? Coordinates, string? Website, string? Poster, string? Description,
    string CreatedAt, string UpdatedAt, long Version)
{
    public static FestivalView From(Written<Festival> w) => From(w.Entity, w.Stamp);

    public static FestivalView From(Festival f, EntityStamp stamp) => new(f.Key, f.Name, f.Location, f.Coordinates, f.Website,
        f.Poster, f.Description, stamp.CreatedAt, stamp.UpdatedAt, stamp.Version);
}

public sealed record EditionView(string FestivalKey, string FestivalName, int Year, DateRange Dates, IReadOnlyList<LineupBand> Bands,
    decimal? TicketPrice, string Currency, string Status, string CreatedAt, string UpdatedAt, long Version)
{
    public static EditionView From(Written<Edition> w) => From(w.Entity, w.Stamp);

    public static EditionView From(Edition e, EntityStamp stamp) => new(e.FestivalKey, e.FestivalName, e.Year, e.Dates, e.Bands,
        e.TicketPrice, e.Currency, e.Status, stamp.CreatedAt, stamp.UpdatedAt, stamp.Version);
}

public sealed record BandView(string Key, string Name, string? Country, string? Description, string? Logo, string? HeadlineImage, string? Website,
    string? Spotify, IReadOnlyList<string> GenreKeys, IReadOnlyList<Member> Members, bool Reviewed, string CreatedAt, string UpdatedAt, long Version)
{
    public static BandView From(Written<Band> w) => new(w.Entity.Key, w.Entity.Name, w.Entity.Country, w.Entity.Description, w.Entity.Logo,
        w.Entity.HeadlineImage, w.Entity.Website, w.Entity.Spotify, w.Entity.GenreKeys, w.Entity.Members, w.Entity.Reviewed,
        w.Stamp.CreatedAt, w.Stamp.UpdatedAt, w.Stamp.Version);
}

public sealed record GenreView(string Key, string Name, string? Description, int BandCount, string CreatedAt, string UpdatedAt, long Version)
{
    public static GenreView From(Written<Genre> w) => new(w.Entity.Key, w.Entity.Name, w.Entity.Description, w.Entity.BandCount,
        w.Stamp.CreatedAt, w.Stamp.UpdatedAt, w.Stamp.Version);
}

public sealed record RoleView(string Key, string Name, string Category, string? Description, int BandMemberCount, string CreatedAt, string UpdatedAt, long Version)
{
    public static RoleView From(Written<Role> w) => new(w.Entity.Key, w.Entity.Name, w.Entity.Category, w.Entity.Description, w.Entity.BandMemberCount,
        w.Stamp.CreatedAt, w.Stamp.UpdatedAt, w.Stamp.Version);
}

/// <summary>The seed's <c>bandValidation</c> (example 3).</summary>
public sealed record BandValidation(bool Valid, IReadOnlyList<InvalidReference> InvalidBands);

/// <summary>The seed's <c>validation</c> (example 4).</summary>
public sealed record ReferenceValidation(bool GenresValid, bool RolesValid, IReadOnlyList<InvalidReference> InvalidGenres, IReadOnlyList<InvalidReference> InvalidRoles)
{
    public static readonly ReferenceValidation Valid = new(true, true, [], []);
}

/// <summary>
/// <c>GET /api/admin/festivals/{key}</c>: a festival and its editions (newest first) as editors write them back,
/// each with the version its <c>If-Match</c> names.
/// </summary>
public sealed record FestivalForEditing(FestivalView Festival, IReadOnlyList<EditionView> Editions);

public sealed record FestivalWriteResponse(bool Success, FestivalView Festival, CacheInvalidation CacheInvalidation);
public sealed record EditionWriteResponse(bool Success, EditionView Edition, BandValidation BandValidation, CacheInvalidation CacheInvalidation);
public sealed record BandWriteResponse(bool Success, BandView Band, ReferenceValidation Validation, IReadOnlyList<string> AffectedFestivals, CacheInvalidation CacheInvalidation);
public sealed record GenreWriteResponse(bool Success, GenreView Genre, CacheInvalidation CacheInvalidation);
public sealed record RoleWriteResponse(bool Success, RoleView Role, CacheInvalidation CacheInvalidation);

/// <summary><c>POST /api/admin/bands/validate</c>.</summary>
public sealed record BandRefsValidation(bool Valid, IReadOnlyList<InvalidReference> InvalidBands, int ValidatedCount, int ValidCount, int InvalidCount);
