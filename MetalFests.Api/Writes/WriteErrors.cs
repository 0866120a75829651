using MetalFests.ServiceDefaults.Errors;
using MetalFests.Storage.Writes;
using Microsoft.AspNetCore.Http;

namespace MetalFests.Api.Writes;

/// <summary>Why a write changed nothing, as the seed's envelope: the one mapping from storage's <see cref="WriteError"/>.</summary>
public static class WriteErrors
{
    public static ApiError ToApiError(this WriteError error) => error.Failure switch
    {
        WriteFailure.NotFound => ApiError.NotFound(error.Resource, error.Key),
        WriteFailure.AlreadyExists => new ApiError(StatusCodes.Status409Conflict, ErrorCodes.ResourceAlreadyExists,
            $"{error.Resource} with key '{error.Key}' already exists", Details(error)),
        WriteFailure.VersionMismatch => new ApiError(StatusCodes.Status412PreconditionFailed, ErrorCodes.PreconditionFailed,
            error.CurrentVersion is { } current
                ? $"{error.Resource} '{error.Key}' has changed: its ETag is now {ETags.Of(current)}; read it again and retry"
                : $"{error.Resource} '{error.Key}' does not exist, so If-Match cannot match",
            new Dictionary<string, object?>(Details(error)) { ["currentETag"] = error.CurrentVersion is { } v ? ETags.Of(v) : null }),
        WriteFailure.InvalidReferences when error.InvalidBands is { } bands => new ApiError(StatusCodes.Status422UnprocessableEntity, ErrorCodes.ReferentialIntegrityError,
            $"Unknown bands in the line-up: {string.Join(", ", bands.Select(b => b.Key))}",
            new Dictionary<string, object?>(Details(error)) { ["bandValidation"] = BandValidation(bands) }),
        WriteFailure.InvalidReferences => new ApiError(StatusCodes.Status422UnprocessableEntity, ErrorCodes.ReferentialIntegrityError,
            $"Unknown references: {string.Join(", ", (error.InvalidGenres ?? []).Select(g => "genre " + g.Key).Concat((error.InvalidRoles ?? []).Select(r => "role " + r.Key)))}",
            new Dictionary<string, object?>(Details(error)) { ["validation"] = ReferenceValidation(error.InvalidGenres ?? [], error.InvalidRoles ?? []) }),
        WriteFailure.StillReferenced => new ApiError(StatusCodes.Status409Conflict, ErrorCodes.ReferentialIntegrityError,
            $"{error.Resource} '{error.Key}' is still on line-ups: {string.Join(", ", error.ReferencedBy ?? [])}",
            new Dictionary<string, object?>(Details(error)) { ["referencedBy"] = error.ReferencedBy ?? [] }),
        WriteFailure.TooLarge => new ApiError(StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge,
            $"{error.Resource} '{error.Key}': this write would change {error.ItemCount} items, more than the limit of {WriteLimits.MaxItems} for one write; load it with the migrator",
            new Dictionary<string, object?>(Details(error)) { ["items"] = error.ItemCount, ["limit"] = WriteLimits.MaxItems }),
        _ => ApiError.Internal,
    };

    /// <summary>What the write path throws, as the envelope: the table busy (conflicts, a journal being applied, a lost claim) is a 503 with <c>Retry-After</c>.</summary>
    public static ApiError? FromException(Exception exception) => exception switch
    {
        TableBusyException busy => ApiError.Unavailable(busy.Message, busy.RetryAfter),
        _ => null,
    };

    /// <summary>Registered with the exception handler: <see cref="FromException"/>.</summary>
    public sealed class Mapper : IApiErrorMapper
    {
        public ApiError? Map(Exception exception) => FromException(exception);
    }

    /// <summary>The seed's <c>bandValidation</c> block.</summary>
    public static Dictionary<string, object?> BandValidation(IReadOnlyList<InvalidReference> invalid) => new()
    {
        ["valid"] = invalid.Count == 0,
        ["invalidBands"] = References(invalid),
    };

    /// <summary>The seed's <c>validation</c> block of a band write.</summary>
    public static Dictionary<string, object?> ReferenceValidation(IReadOnlyList<InvalidReference> genres, IReadOnlyList<InvalidReference> roles) => new()
    {
        ["genresValid"] = genres.Count == 0,
        ["rolesValid"] = roles.Count == 0,
        ["invalidGenres"] = References(genres),
        ["invalidRoles"] = References(roles),
    };

    private static List<Dictionary<string, string>> References(IReadOnlyList<InvalidReference> invalid) =>
        [.. invalid.Select(r => new Dictionary<string, string> { ["key"] = r.Key, ["reason"] = r.Reason })];

    private static Dictionary<string, object?> Details(WriteError error) => new() { ["resource"] = error.Resource, ["key"] = error.Key };
}
