using System.Globalization;
using MetalFests.Api.Http;
using MetalFests.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http;
using MetalFests.Storage.Writes;
using Microsoft.Net.Http.Headers;

namespace MetalFests.Api.Writes;

/// <summary>An entity's version as its <c>ETag</c> (<c>"7"</c>), and <c>If-Match</c> read back into a version.</summary>
public static class ETags
{
    public static string Of(long version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>
    /// Null when absent; <see cref="WriteContext.AnyVersion"/> for <c>*</c> (the entity must exist);
    /// an error when it names no version this API issued.
    /// </summary>
    public static Validated<long?> IfMatch(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0)
        {
            return (long?)null;
        }
        if (header == "*")
        {
            return WriteContext.AnyVersion;
        }
        if (header.StartsWith("W/", StringComparison.Ordinal) || !EntityTagHeaderValue.TryParse(header, out var tag)
            || !long.TryParse(tag.Tag.AsSpan(1, tag.Tag.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return new ApiError(StatusCodes.Status412PreconditionFailed, ErrorCodes.PreconditionFailed,
                "If-Match must be one strong ETag of this entity as returned by the API (e.g. \"3\") or *",
                new Dictionary<string, object?> { ["header"] = HeaderNames.IfMatch });
        }
        return version;
    }
}
