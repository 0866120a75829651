namespace MetalFests.Storage.Writes;

/// <summary>Who asks for a write: the API key's id (never the key), the request id, and the <c>If-Match</c> version if any.</summary>
public sealed record WriteContext(string KeyId, string? RequestId, long? IfMatch = null)
{
    /// <summary><c>If-Match: *</c>: any version, but the entity must exist (versions start at 1).</summary>
    public const long AnyVersion = 0;
}

public enum WriteFailure
{
    NotFound,
    AlreadyExists,
    VersionMismatch,
    InvalidReferences,
    StillReferenced,

    /// <summary>The write would change more items than <see cref="WriteLimits.MaxItems"/>: a bulk load, for the migrator.</summary>
    TooLarge,
}

/// <summary>A reference a write names that does not exist, and why it is refused.</summary>
public sealed record InvalidReference(string Key, string Reason);

/// <summary>Why a write changed nothing; the API turns it into the envelope.</summary>
public sealed record WriteError(
    WriteFailure Failure,
    string Resource,
    string Key,
    long? CurrentVersion = null,
    IReadOnlyList<InvalidReference>? InvalidBands = null,
    IReadOnlyList<InvalidReference>? InvalidGenres = null,
    IReadOnlyList<InvalidReference>? InvalidRoles = null,
    IReadOnlyList<string>? ReferencedBy = null,
    int? ItemCount = null);

/// <summary>The entities a write changed: the API labels its response with them, and the edge evicts by them.</summary>
public sealed record ChangeSet(
    IReadOnlyCollection<string> Festivals,
    IReadOnlyCollection<string> Bands,
    IReadOnlyCollection<string> Genres,
    IReadOnlyCollection<string> Roles,
    bool FestivalList = false,
    bool BandList = false,
    bool GenreList = false,
    bool RoleList = false);

/// <summary>The stamp of the written entity: its ETag is the version.</summary>
public sealed record EntityStamp(string CreatedAt, string UpdatedAt, long Version);

/// <summary>A successful write: the entity as stored, its stamp, whether it was created, and what changed.</summary>
public sealed record Written<T>(T Entity, EntityStamp Stamp, bool Created, ChangeSet Changes, IReadOnlyList<string> AffectedFestivals);

/// <summary>The result of a write: <see cref="Value"/> or <see cref="Error"/> (nothing changed).</summary>
public readonly record struct WriteResult<T>(Written<T>? Value, WriteError? Error)
{
    public static implicit operator WriteResult<T>(Written<T> value) => new(value, null);
    public static implicit operator WriteResult<T>(WriteError error) => new(null, error);
}
