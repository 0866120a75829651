using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using MetalFests.ServiceDefaults.Errors;
using MetalFests.Storage;

namespace MetalFests.Api.Http;

/// <summary>
/// An opaque continuation of a list ordered by entity key (version 2's paging): the last key a page held, with a
/// checksum, base64url-encoded. The next page starts after that key, so entities added, changed or removed
/// meanwhile never shift the others: a walk meets every entity that stays, once. Clients pass <c>next</c> back as
/// <c>cursor</c> and must not build one; a cursor that does not decode, or whose checksum fails, is a 400.
/// </summary>
public static class Cursor
{
    public const string Parameter = "cursor";

    private const int ChecksumBytes = 8;

    public static string Of(string lastKey)
    {
        var key = Encoding.UTF8.GetBytes(lastKey);
        return Base64Url.EncodeToString([.. key, .. Checksum(key)]);
    }

    /// <summary>The key the page after <paramref name="cursor"/> starts after (null: the first page).</summary>
    public static Validated<string?> Parse(string? cursor)
    {
        if (cursor is null)
        {
            return (string?)null;
        }
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(cursor);
        }
        catch (FormatException)
        {
            return Invalid;
        }
        if (bytes.Length <= ChecksumBytes)
        {
            return Invalid;
        }
        var key = bytes[..^ChecksumBytes];
        if (!CryptographicOperations.FixedTimeEquals(Checksum(key), bytes[^ChecksumBytes..]))
        {
            return Invalid;
        }
        var lastKey = Encoding.UTF8.GetString(key);
        return EntityKeys.IsValid(lastKey) ? lastKey : Invalid;
    }

    /// <summary>The page of <paramref name="rows"/> (ordered by key) after <paramref name="after"/>, and the cursor of the next, if any.</summary>
    public static (IReadOnlyList<T> Page, string? Next) Page<T>(IEnumerable<T> rows, Func<T, string> key, string? after, int limit)
    {
        var rest = rows.OrderBy(key, StringComparer.Ordinal).Where(r => after is null || string.CompareOrdinal(key(r), after) > 0);
        var taken = rest.Take(limit + 1).ToList();
        return taken.Count > limit ? (taken[..limit], Of(key(taken[limit - 1]))) : (taken, null);
    }

    private static ApiError Invalid => ApiError.InvalidParameter(Parameter, "is not a cursor this API issued: pass the 'next' of the previous page as it was, or no cursor for the first page");

    private static byte[] Checksum(byte[] key) => SHA256.HashData([.. "metalfests-cursor:"u8, .. key])[..ChecksumBytes];
}
