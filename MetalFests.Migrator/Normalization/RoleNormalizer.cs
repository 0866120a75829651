using System.Text;
using System.Text.RegularExpressions;
using MetalFests.Storage;
using MetalFests.Storage.Model;

namespace MetalFests.Migrator.Normalization;

public sealed record RoleRef(string Key, string Name, string Category);

/// <summary>
/// Turns a member's free-text role ("Lead Guitar, Backing Vocals (Live)", "Vocalist And Guitarist",
/// "Bass (2016–Present)") into canonical roles. Rules, in order:
/// <list type="number">
/// <item>Placeholders ("[Not Specified]", "N/A", "Role 3") hold no role.</item>
/// <item>The string splits at commas, semicolons, slashes, "&amp;", "+" and the word "and" outside brackets.</item>
/// <item>Bracketed text is a note and is dropped, except a bare qualifier, which moves in front of its role
/// ("Guitars (Lead)" is "Lead Guitars"), and roles named inside brackets after something that is not a role
/// ("Su-Metal (Lead Vocals, Dancing)", a stage name) or after a role they add to ("Vocals (Growls)").</item>
/// <item>A qualifier standing alone takes the instrument of its neighbour ("Lead And Rhythm Guitars").</item>
/// <item>Noise words go ("Live", "Session", "Female"); the synonym table maps the rest to a canonical key.</item>
/// <item>A role not in the tables keeps its own words as key and Title Case name, and its category comes from keywords.</item>
/// </list>
/// </summary>
public static partial class RoleNormalizer
{
    // While splitting, each bracketed note stands in the text as one private-use character, so that the
    // separators inside a note ("Drums (Tracks 1, 2, 5)") do not split the string.
    private const char FirstNoteMarker = '\uE000';

    [GeneratedRegex(@"\s*(?:[,;/&+]|\band\b)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Separator();

    [GeneratedRegex(@"^role(-[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedRolePlaceholder();

    /// <summary>Splits one raw role string into distinct roles (order of first appearance, duplicates removed). Empty list when it holds none.</summary>
    public static IReadOnlyList<RoleRef> Parse(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw) || IsPlaceholder(raw))
        {
            return [];
        }
        var roles = new List<RoleRef>();
        foreach (var (role, _) in ParseList(raw))
        {
            if (!roles.Exists(r => r.Key == role.Key))
            {
                roles.Add(role);
            }
        }
        return roles;
    }

    /// <summary>A role with whether the tables or a keyword vouch for it, as opposed to free text taken at its word.</summary>
    private readonly record struct Candidate(RoleRef Role, bool Recognised);

    private sealed record Piece(string Text, IReadOnlyList<string> Notes);

    private static List<Candidate> ParseList(string text)
    {
        var pieces = Split(text);
        var candidates = new List<Candidate>();
        for (var i = 0; i < pieces.Count; i++)
        {
            var piece = pieces[i];
            var phrases = new List<string>();
            var notes = new List<string>();
            if (piece.Text.Length > 0)
            {
                phrases.Add(IsQualifierOnly(piece.Text) && piece.Notes.Count == 0 ? WithNeighbourHead(pieces, i) : piece.Text);
            }
            foreach (var note in piece.Notes)
            {
                if (phrases.Count > 0 && QualifierNote(note) is { } qualifiers)
                {
                    phrases = [.. qualifiers.SelectMany(q => phrases.Select(p => $"{q} {p}"))];
                }
                else
                {
                    notes.Add(note);
                }
            }

            var own = phrases.SelectMany(Resolve).ToList();
            var namedByNote = notes.Select(ParseList).ToList();
            if (!own.Exists(c => c.Recognised) && namedByNote.Exists(named => named.Exists(c => c.Recognised)))
            {
                // "Su-Metal (Lead Vocals, Dancing)": a stage name before the brackets, the roles inside them.
                candidates.AddRange(namedByNote.SelectMany(named => named.Where(c => c.Recognised)));
            }
            else
            {
                candidates.AddRange(own);
                // A note made only of roles adds them ("Vocals (Growls)"); any other note is dropped whole,
                // so "(2016–Present)" or "(Ex-Mayhem)" never turn into roles.
                candidates.AddRange(namedByNote.Where(named => named.Count > 0 && named.TrueForAll(c => c.Recognised)).SelectMany(named => named));
            }
        }
        return candidates;
    }

    /// <summary>The pieces between separators, each with its bracketed notes taken out; separators inside brackets do not split.</summary>
    private static List<Piece> Split(string text)
    {
        var outside = new StringBuilder(text.Length);
        var notes = new List<string>();
        var note = new StringBuilder();
        var depth = 0;
        foreach (var c in text)
        {
            if (c is '(' or '[' or '{')
            {
                if (depth++ > 0)
                {
                    note.Append(c);
                }
            }
            else if (c is ')' or ']' or '}')
            {
                if (depth == 0)
                {
                    continue;
                }
                if (--depth == 0)
                {
                    outside.Append((char)(FirstNoteMarker + notes.Count));
                    notes.Add(note.ToString());
                    note.Clear();
                }
                else
                {
                    note.Append(c);
                }
            }
            else
            {
                (depth > 0 ? note : outside).Append(c);
            }
        }
        if (depth > 0)
        {
            outside.Append((char)(FirstNoteMarker + notes.Count));
            notes.Add(note.ToString());
        }

        var pieces = new List<Piece>();
        foreach (var part in Separator().Split(outside.ToString()))
        {
            var words = new StringBuilder();
            var partNotes = new List<string>();
            foreach (var c in part)
            {
                if (c >= FirstNoteMarker && c < FirstNoteMarker + notes.Count)
                {
                    partNotes.Add(notes[c - FirstNoteMarker]);
                }
                else
                {
                    words.Append(c);
                }
            }
            var pieceText = CollapseWhitespace(words.ToString());
            if (pieceText.Length > 0 || partNotes.Count > 0)
            {
                pieces.Add(new Piece(pieceText, partNotes));
            }
        }
        return pieces;
    }

    /// <summary>"Lead" in "Lead And Rhythm Guitars" becomes "Lead Guitars": the last word of the next real role, else of the previous one ("Guitar, Acoustic").</summary>
    private static string WithNeighbourHead(List<Piece> pieces, int index)
    {
        var neighbour = pieces.Skip(index + 1).Concat(pieces.Take(index).Reverse())
            .FirstOrDefault(p => p.Text.Length > 0 && !IsQualifierOnly(p.Text));
        return neighbour is null ? pieces[index].Text : $"{pieces[index].Text} {Words(neighbour.Text)[^1]}";
    }

    /// <summary>The qualifiers of a note made only of qualifiers ("Lead", "Lead, Rhythm, Acoustic"); null for any other note.</summary>
    private static List<string>? QualifierNote(string note)
    {
        var parts = Separator().Split(note).Select(CollapseWhitespace).Where(p => p.Length > 0).ToList();
        return parts.Count > 0 && parts.TrueForAll(IsQualifierOnly) ? parts : null;
    }

    private static bool IsQualifierOnly(string text) =>
        Words(text).All(word => RoleSynonyms.Qualifiers.Contains(EntityKeys.Slugify(word)));

    private static IEnumerable<Candidate> Resolve(string phrase)
    {
        var words = Words(phrase).ToList();
        if (words.Count > 1 && EntityKeys.Slugify(words[^1]) == "player")
        {
            words.RemoveAt(words.Count - 1);
        }
        var leading = words.TakeWhile(w => RoleSynonyms.NoiseWords.Contains(EntityKeys.Slugify(w))).Count();
        words.RemoveRange(0, leading);
        var slug = Slug(words);
        if (IsPlaceholder(slug))
        {
            return [];
        }
        if (RoleSynonyms.Compounds.TryGetValue(slug, out var compound))
        {
            return compound.Select(key => new Candidate(RoleCatalog.Get(key), true));
        }
        var known = Known(words);
        if (known is null && words.Count > 1 && RoleSynonyms.DroppableLeadWords.Contains(EntityKeys.Slugify(words[0])))
        {
            known = Known(words[1..]);
        }
        if (known is not null)
        {
            return [new Candidate(known, true)];
        }
        return Unlisted(words) is { } unlisted ? [unlisted] : [];
    }

    /// <summary>The canonical role for these words: as written, with the head word normalised, or as a singular.</summary>
    private static RoleRef? Known(List<string> words)
    {
        var slug = Slug(words);
        var withHead = Slug(WithCanonicalHead(words));
        foreach (var candidate in new[] { slug, withHead, Singular(slug), Singular(withHead) })
        {
            if (RoleCatalog.IsKnown(candidate))
            {
                return RoleCatalog.Get(candidate);
            }
            if (RoleSynonyms.ByPhrase.TryGetValue(candidate, out var key))
            {
                return RoleCatalog.Get(key);
            }
        }
        return null;
    }

    private static Candidate? Unlisted(List<string> words)
    {
        var named = WithCanonicalHead(words);
        var key = Slug(named);
        if (!EntityKeys.IsValid(key))
        {
            return null;
        }
        var category = RoleCatalog.InferCategory(key);
        return new Candidate(new RoleRef(key, TitleCase(named), category), category != RoleCategories.Other);
    }

    private static List<string> WithCanonicalHead(List<string> words)
    {
        if (words.Count == 0 || !RoleSynonyms.HeadWords.TryGetValue(EntityKeys.Slugify(words[^1]), out var head))
        {
            return words;
        }
        return [.. words[..^1], head];
    }

    private static string Singular(string slug) => slug.EndsWith('s') && !slug.EndsWith("ss", StringComparison.Ordinal) ? slug[..^1] : slug;

    private static bool IsPlaceholder(string text)
    {
        var slug = EntityKeys.Slugify(text);
        return RoleSynonyms.Placeholders.Contains(slug) || NumberedRolePlaceholder().IsMatch(slug);
    }

    private static string Slug(IEnumerable<string> words) => EntityKeys.Slugify(string.Join(' ', words));

    private static string[] Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static string CollapseWhitespace(string text) => string.Join(' ', Words(text));

    // Acronyms and Roman numerals ("Tenor II") keep their capitals.
    private static readonly HashSet<string> UpperCaseWords = new(StringComparer.Ordinal) { "dj", "mc", "fx", "diy", "ii", "iii", "iv" };

    private static string TitleCase(IEnumerable<string> words) => string.Join(' ', words.Select(TitleCaseWord));

    private static string TitleCaseWord(string word)
    {
        var lower = word.ToLowerInvariant();
        if (UpperCaseWords.Contains(lower))
        {
            return lower.ToUpperInvariant();
        }
        var builder = new StringBuilder(lower.Length);
        var startOfPart = true;
        foreach (var c in lower)
        {
            builder.Append(startOfPart ? char.ToUpperInvariant(c) : c);
            startOfPart = c == '-';
        }
        return builder.ToString();
    }
}
