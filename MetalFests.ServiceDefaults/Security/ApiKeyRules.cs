namespace MetalFests.ServiceDefaults.Security;

/// <summary>
/// What an admin API key and its configured hash must be: the one place every part reads it from — the services'
/// and gateway's start-up check (<see cref="ApiKeyOptionsValidator"/>), the AppHost's development key, and the
/// deployment's key generated in Secrets Manager.
/// </summary>
public static class ApiKeyRules
{
    /// <summary>The shortest key accepted: 32 characters.</summary>
    public const int MinimumLength = 32;

    /// <summary>How long a generated key is (the AppHost's, Secrets Manager's): letters and digits only.</summary>
    public const int GeneratedLength = 40;

    /// <summary>The configured form of a key: its SHA-256, 64 hexadecimal digits.</summary>
    public const int HashLength = 64;

    /// <summary>
    /// Why <paramref name="key"/> cannot be an admin key, or null when it can: at least <see cref="MinimumLength"/>
    /// characters, printable ASCII without spaces (it travels in a header). Never says what the key is.
    /// </summary>
    public static string? ProblemWithKey(string key) =>
        key.Length < MinimumLength ? $"must be at least {MinimumLength} characters long (it has {key.Length})"
        : !key.All(c => c is > ' ' and < '\u007f') ? "must be printable ASCII without spaces"
        : null;

    /// <summary>Why <paramref name="hash"/> cannot be a configured key's hash, or null when it can. Never says what it is.</summary>
    public static string? ProblemWithHash(string hash)
    {
        var expected = $"the key's SHA-256 as {HashLength} hexadecimal digits";
        if (hash.Length == 0)
        {
            return $"is required: {expected}";
        }
        var hexadecimal = hash.All(char.IsAsciiHexDigit);
        return hash.Length == HashLength && hexadecimal
            ? null
            : $"must be {expected} (it has {hash.Length} characters{(hexadecimal ? "" : ", not all hexadecimal")}); the key itself is never configured";
    }

    /// <summary>A permission by its name (<c>Read</c>, <c>Write</c>, <c>Delete</c>, any case); null for anything else, numbers included.</summary>
    public static Permission? PermissionNamed(string name) =>
        Enum.GetNames<Permission>().FirstOrDefault(known => known.Equals(name, StringComparison.OrdinalIgnoreCase)) is { } found
            ? Enum.Parse<Permission>(found)
            : null;

    public static string PermissionNames => string.Join(", ", Enum.GetNames<Permission>());
}
