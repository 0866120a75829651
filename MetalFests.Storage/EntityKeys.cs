using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MetalFests.Storage;

/// <summary>
/// What a key (festival, band, genre, role) may look like, and how one is made from a name.
/// Keys are identities: once written they never change.
/// </summary>
public static partial class EntityKeys
{
    public const int MaxLength = 100;
    public const string PatternText = "^[a-z0-9]+(-[a-z0-9]+)*$";

    [GeneratedRegex(PatternText, RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid(string? key) => key is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(key);

    /// <summary>
    /// Lower-case ASCII words joined by single hyphens: accents dropped ("Mötley Crüe" → "motley-crue"),
    /// everything else a separator ("Nu-Metal", "Nu Metal" → "nu-metal"). Empty when nothing is left.
    /// </summary>
    public static string Slugify(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSeparator = false;
        foreach (var c in Fold(text))
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (pendingSeparator && builder.Length > 0)
                {
                    builder.Append('-');
                }
                builder.Append(c);
                pendingSeparator = false;
            }
            else if (c != '\'' && c != '’')
            {
                // Apostrophes join ("Guns N' Roses" → "guns-n-roses", "Rock'n'Roll" → "rocknroll").
                pendingSeparator = true;
            }
        }
        var slug = builder.ToString();
        return slug.Length <= MaxLength ? slug : slug[..MaxLength].TrimEnd('-');
    }

    /// <summary>
    /// A key for a name: its slug, or — when the name has no Latin letters or digits ("郁", "*******") —
    /// <paramref name="prefix"/> and a stable hash of the name, so the same name always gets the same key.
    /// </summary>
    public static string FromName(string name, string prefix)
    {
        var slug = Slugify(name);
        if (slug.Length > 0)
        {
            return slug;
        }
        var hash = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(name.Trim()));
        return $"{prefix}-{Convert.ToHexStringLower(hash)[..8]}";
    }

    private static IEnumerable<char> Fold(string text)
    {
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            switch (c)
            {
                case 'ß': yield return 's'; yield return 's'; break;
                case 'æ' or 'Æ': yield return 'a'; yield return 'e'; break;
                case 'ø' or 'Ø': yield return 'o'; break;
                case 'đ' or 'Đ': yield return 'd'; break;
                case 'ł' or 'Ł': yield return 'l'; break;
                case '&': yield return ' '; yield return 'a'; yield return 'n'; yield return 'd'; yield return ' '; break;
                default:
                    if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                    {
                        yield return char.ToLowerInvariant(c);
                    }
                    break;
            }
        }
    }
}
