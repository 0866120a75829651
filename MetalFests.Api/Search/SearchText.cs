using System.Globalization;
using System.Text;

namespace MetalFests.Api.Search;

/// <summary>
/// The search policy of both services (<c>q</c> on bands and festivals, and the <c>country</c> filters):
/// text and query are compared in one normal form — lower case, accents dropped (<c>Motörhead</c> →
/// <c>motorhead</c>; letters that do not decompose mapped: ø→o, æ→ae, œ→oe, ß→ss, đ/ð→d, ł→l, þ→th,
/// ı→i), apostrophes and dots dropped (<c>Guns N' Roses</c> → <c>guns n roses</c>, <c>W.A.S.P.</c> →
/// <c>wasp</c>), every other run of non-letters and non-digits one space. A query matches a text when
/// it starts one of the text's words (<c>iron</c> finds Iron Maiden, not Environment; <c>iron mai</c>
/// finds it too); matches rank exact first, then the text's own prefix, then a later word's.
/// </summary>
public static class SearchText
{
    public const int Exact = 0;
    public const int Prefix = 1;
    public const int WordPrefix = 2;

    /// <summary>How many ranks one field spans: a later field's ranks follow all of an earlier one's.</summary>
    public const int RanksPerField = 3;

    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var normal = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                || c is '\'' or '’' or '‘' or '`' or '´' or '.')
            {
                continue;
            }
            if (!char.IsLetterOrDigit(c))
            {
                pendingSpace = normal.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                normal.Append(' ');
                pendingSpace = false;
            }
            AppendFolded(normal, char.ToLowerInvariant(c));
        }
        return normal.ToString();
    }

    /// <summary>The rank of a match of <paramref name="query"/> in <paramref name="text"/> (both normalized), or null.</summary>
    public static int? Rank(string text, string query)
    {
        if (query.Length == 0 || text.Length < query.Length)
        {
            return null;
        }
        if (!text.StartsWith(query, StringComparison.Ordinal))
        {
            var at = text.IndexOf(query, StringComparison.Ordinal);
            while (at > 0 && text[at - 1] != ' ')
            {
                at = text.IndexOf(query, at + 1, StringComparison.Ordinal);
            }
            return at > 0 ? WordPrefix : null;
        }
        return text.Length == query.Length ? Exact : Prefix;
    }

    /// <summary>Whether two names are the same under this policy (the <c>country</c> filters).</summary>
    public static bool SameName(string? a, string? b) => a is not null && b is not null && Normalize(a) == Normalize(b);

    // The lower-case Latin letters with accents (Latin-1 Supplement, Latin Extended-A and -B, Latin Extended
    // Additional) and their base letters, one for one: the services run with invariant globalization, where
    // string.Normalize does not decompose. (Made from Unicode's canonical decompositions.)
    private const string Accented = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿāăąćĉċčďēĕėęěĝğġģĥĩīĭįĵķĺļľńņňōŏőŕŗřśŝşšţťũūŭůűųŵŷźżžơưǎǐǒǔǖǘǚǜǟǡǧǩǫǭǰǵǹǻȁȃȅȇȉȋȍȏȑȓȕȗșțȟȧȩȫȭȯȱȳḁḃḅḇḉḋḍḏḑḓḕḗḙḛḝḟḡḣḥḧḩḫḭḯḱḳḵḷḹḻḽḿṁṃṅṇṉṋṍṏṑṓṕṗṙṛṝṟṡṣṥṧṩṫṭṯṱṳṵṷṹṻṽṿẁẃẅẇẉẋẍẏẑẓẕẖẗẘẙạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ";
    private const string Plain = "aaaaaaceeeeiiiinooooouuuuyyaaaccccdeeeeegggghiiiijklllnnnooorrrssssttuuuuuuwyzzzouaiouuuuuaagkoojgnaaaeeiioorruusthaeooooyabbbcdddddeeeeefghhhhhiikkkllllmmmnnnnoooopprrrrsssssttttuuuuuvvwwwwwxxyzzzhtwyaaaaaaaaaaaaeeeeeeeeiioooooooooooouuuuuuuyyyy";

    private static void AppendFolded(StringBuilder normal, char c) => normal.Append(c switch
    {
        _ when Accented.IndexOf(c, StringComparison.Ordinal) is >= 0 and var at => Plain[at].ToString(),
        'ø' => "o",
        'æ' => "ae",
        'œ' => "oe",
        'ß' => "ss",
        'đ' or 'ð' => "d",
        'ł' => "l",
        'þ' => "th",
        'ı' => "i",
        _ => c.ToString(),
    });
}
