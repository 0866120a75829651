using MetalFests.Storage;

namespace MetalFests.Migrator.Normalization;

public sealed record GenreRef(string Key, string Name);

/// <summary>
/// Genre strings to genre keys. The key is the slug of the string ("Nu-Metal", "Nu Metal" → "nu-metal"),
/// with dotted acronyms closed up ("N.w.o.t.h.m." → "nwothm") and then the spelling aliases of
/// <see cref="GenreAliases"/> applied ("Punkrock" → "punk-rock"). The name is the string as written, trimmed,
/// with known acronyms in capitals ("Aor" → "AOR").
/// </summary>
public static class GenreNormalizer
{
    /// <summary>null when the string holds no genre (empty/whitespace/punctuation only)</summary>
    public static GenreRef? Normalize(string raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }
        var slug = EntityKeys.Slugify(raw);
        if (slug.Length == 0)
        {
            return null;
        }
        return new GenreRef(CanonicalKey(slug), DisplayName(raw));
    }

    /// <summary>
    /// Canonical display names for a whole dataset: for each key, the name written most often;
    /// on a tie the ordinal-smallest, so the choice never depends on the order of the data.
    /// </summary>
    public static IReadOnlyDictionary<string, string> CanonicalNames(IEnumerable<string> rawGenres) =>
        rawGenres
            .Select(Normalize)
            .OfType<GenreRef>()
            .GroupBy(genre => genre.Key, StringComparer.Ordinal)
            .ToDictionary(
                byKey => byKey.Key,
                byKey => byKey
                    .GroupBy(genre => genre.Name, StringComparer.Ordinal)
                    .OrderByDescending(byName => byName.Count())
                    .ThenBy(byName => byName.Key, StringComparer.Ordinal)
                    .First().Key,
                StringComparer.Ordinal);

    private static string CanonicalKey(string slug)
    {
        var words = slug.Split('-');
        var closed = words.Length > 1 && Array.TrueForAll(words, word => word.Length == 1) ? string.Concat(words) : slug;
        return GenreAliases.KeyBySpelling.GetValueOrDefault(closed, closed);
    }

    private static string DisplayName(string raw) =>
        string.Join(' ', raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(word =>
            GenreAliases.Acronyms.Contains(string.Concat(word.Where(char.IsLetter)).ToLowerInvariant()) ? word.ToUpperInvariant() : word));
}
