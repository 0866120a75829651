namespace MetalFests.Migrator.Migration;

/// <summary>Text as stored: trimmed, control characters (stray NULs in some names) removed, blanks absent.</summary>
public static class Text
{
    public static string Clean(string text) =>
        string.Concat(text.Where(c => !char.IsControl(c))).Trim();

    public static string? Optional(string? text) =>
        text is null ? null : Clean(text) is { Length: > 0 } cleaned ? cleaned : null;
}
