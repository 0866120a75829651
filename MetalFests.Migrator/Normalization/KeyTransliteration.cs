using System.Text;
using MetalFests.Storage;

namespace MetalFests.Migrator.Normalization;

/// <summary>
/// The one transliteration policy for keys of older db.json files that hold non-ASCII letters
/// (<c>hällas</c>, <c>ström</c>): lower-cased, a–z and 0–9 kept, runs of spaces and hyphens one hyphen,
/// every other character (<c>ä</c>, <c>ö</c>, <c>'</c>, <c>:</c>) dropped. That is the rule today's upstream file
/// keys its bands by (<c>Hällas</c> is <c>hllas</c> there, <c>Ström</c> <c>strm</c>: applied to the names it
/// gives all 1,701 keys of data/db.json), so an older file's entity and today's are one entity, and
/// re-migrating an older file before the current one converges. (Folding <c>ä</c> to <c>a</c>, as
/// <see cref="EntityKeys.Slugify"/> does for names without a key, would give <c>hallas</c>: a second Hällas.) The old key is kept
/// as an alias (<see cref="Storage.Model.KeyAlias"/>) so old links resolve.
/// </summary>
public static class KeyTransliteration
{
    /// <summary>Whether a key is of the older shape this policy is for: it holds a character outside ASCII.</summary>
    public static bool Applies(string key) => key.Any(c => !char.IsAscii(c));

    /// <summary>The key an old non-ASCII key stands for, or null when nothing valid is left (the key is then derived from the name).</summary>
    public static string? Transliterate(string oldKey)
    {
        var builder = new StringBuilder(oldKey.Length);
        var pendingHyphen = false;
        foreach (var c in oldKey.ToLowerInvariant())
        {
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            {
                builder.Append(pendingHyphen && builder.Length > 0 ? "-" : "").Append(c);
                pendingHyphen = false;
            }
            else if (c == '-' || char.IsWhiteSpace(c))
            {
                pendingHyphen = true;
            }
        }
        var key = builder.ToString();
        return EntityKeys.IsValid(key) ? key : null;
    }
}
