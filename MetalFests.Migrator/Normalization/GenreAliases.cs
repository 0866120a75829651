namespace MetalFests.Migrator.Normalization;

/// <summary>
/// Spellings of one genre that slugs alone do not bring together. Only the same words written closed up,
/// hyphenated, abbreviated or in British spelling belong here; a narrower or wider genre ("Sludge" and
/// "Sludge Metal", "Funeral Doom" and "Funeral Doom Metal") is a genre of its own and keeps its key.
/// </summary>
internal static class GenreAliases
{
    /// <summary>Slug of a variant spelling → the key of the genre, which is the slug of its most used spelling.</summary>
    public static readonly IReadOnlyDictionary<string, string> KeyBySpelling = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["metal-core"] = "metalcore",
        ["synthpop"] = "synth-pop",
        ["punkrock"] = "punk-rock",
        ["skatepunk"] = "skate-punk",
        ["dark-wave"] = "darkwave",
        ["electropunk"] = "electro-punk",
        ["neo-classical-metal"] = "neoclassical-metal",
        ["rocknroll"] = "rock-and-roll",
        ["rock-n-roll"] = "rock-and-roll",
        ["humour"] = "humor",
        ["alt-rock"] = "alternative-rock",
    };

    /// <summary>Words (letters only, lower case) that are acronyms and are shown in capitals.</summary>
    public static readonly IReadOnlySet<string> Acronyms = new HashSet<string>(StringComparer.Ordinal)
    {
        "aor", "ebm", "edm", "idm", "nwobhm", "nwothm", "nyhc", "dsbm", "diy", "us", "uk", "dj",
    };
}
