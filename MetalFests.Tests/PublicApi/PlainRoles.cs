namespace MetalFests.Tests.PublicApi;

/// <summary>
/// The test's own reading of a member's role string, for plain strings only: split at ",", "/", "&amp;" and " and ",
/// each part trimmed and lower-cased, and mapped by the synonyms the data model names (Guitar/Guitars/Guitarist →
/// guitar, Drummer → drums, Bassist/Bass Guitar → bass, Vocalist/Vocal → vocals, Keyboard/Keyboardist → keyboards).
/// A string with any other part (a note in brackets, a rarer synonym, another language) is not plain: null.
/// </summary>
internal static class PlainRoles
{
    public static readonly IReadOnlyList<string> Keys = ["vocals", "guitar", "drums", "bass", "keyboards"];

    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.Ordinal)
    {
        ["vocals"] = "vocals",
        ["vocal"] = "vocals",
        ["vocalist"] = "vocals",
        ["guitar"] = "guitar",
        ["guitars"] = "guitar",
        ["guitarist"] = "guitar",
        ["drums"] = "drums",
        ["drummer"] = "drums",
        ["bass"] = "bass",
        ["bassist"] = "bass",
        ["bass guitar"] = "bass",
        ["keyboards"] = "keyboards",
        ["keyboard"] = "keyboards",
        ["keyboardist"] = "keyboards",
    };

    /// <summary>The role keys of a plain role string, in the string's order, each once; null when it is not plain.</summary>
    public static IReadOnlyList<string>? Of(string role)
    {
        var parts = role.ToLowerInvariant().Replace(" and ", ",", StringComparison.Ordinal)
            .Split([',', '/', '&'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return parts.Length > 0 && parts.All(Synonyms.ContainsKey) ? [.. parts.Select(p => Synonyms[p]).Distinct()] : null;
    }
}
