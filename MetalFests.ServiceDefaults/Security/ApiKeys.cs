using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace MetalFests.ServiceDefaults.Security;

public static class RequestHeaders
{
    /// <summary>The seed's admin credential header.</summary>
    public const string ApiKey = "X-Api-Key";
}

/// <summary>read ⊂ write ⊂ delete (the companion design's AdminViewer, AdminEditor, AdminFull).</summary>
public enum Permission
{
    Read = 1,
    Write = 2,
    Delete = 3,
}

/// <summary>
/// One configured key, as configured (<c>ApiKeys:N:{Id,Hash,Permission}</c>): its public id, the SHA-256 (hex) of the
/// secret, and what it may do. The secret itself is never stored. Checked at start-up by <see cref="ApiKeyOptionsValidator"/>.
/// </summary>
public sealed class ApiKeyEntry
{
    public string Id { get; set; } = "";
    public string Hash { get; set; } = "";

    /// <summary>A <see cref="Security.Permission"/> by name: <c>Read</c>, <c>Write</c> or <c>Delete</c>.</summary>
    public string Permission { get; set; } = "";

    /// <summary>Where it was configured (<c>ApiKeys:0</c>): what a refused start names.</summary>
    public string Setting { get; init; } = "";

    /// <summary>Settings under <see cref="Setting"/> that are none of the above (a typo such as <c>Hsh</c>).</summary>
    public IReadOnlyList<string> UnknownSettings { get; init; } = [];

    /// <summary>Every key of the configuration section, read as written (never through a binder that would drop or convert a bad value).</summary>
    public static List<ApiKeyEntry> ReadAll(IConfigurationSection section) =>
        [.. section.GetChildren().Select(child => new ApiKeyEntry
        {
            Id = child[nameof(Id)] ?? "",
            Hash = child[nameof(Hash)] ?? "",
            Permission = child[nameof(Permission)] ?? "",
            Setting = child.Path,
            UnknownSettings = [.. child.GetChildren().Select(c => c.Key).Where(key => !Known.Contains(key, StringComparer.OrdinalIgnoreCase))],
        })];

    private static readonly string[] Known = [nameof(Id), nameof(Hash), nameof(Permission)];
}

/// <summary>Configuration section <c>ApiKeys</c>: a list of <see cref="ApiKeyEntry"/>.</summary>
public sealed class ApiKeyOptions
{
    public const string SectionName = "ApiKeys";
    public List<ApiKeyEntry> Keys { get; set; } = [];
}

public sealed record ApiKeyIdentity(string Id, Permission Permission)
{
    public bool Allows(Permission needed) => Permission >= needed;
}

/// <summary>Finds the key a request presents. Hashes compare in constant time, against every configured key.</summary>
public sealed class ApiKeyAuthenticator(IOptions<ApiKeyOptions> options)
{
    // The options were validated at start-up (ApiKeyOptionsValidator): every hash is 64 hex digits, every permission a name.
    private readonly (string Id, Permission Permission, byte[] Hash)[] _keys =
        [.. options.Value.Keys.Select(k => (k.Id, ApiKeyRules.PermissionNamed(k.Permission)!.Value, Convert.FromHexString(k.Hash)))];

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public ApiKeyIdentity? Authenticate(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return null;
        }
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        ApiKeyIdentity? match = null;
        foreach (var (id, permission, stored) in _keys)
        {
            // No early exit: the time taken does not depend on which key (if any) matched.
            if (CryptographicOperations.FixedTimeEquals(hash, stored))
            {
                match = new ApiKeyIdentity(id, permission);
            }
        }
        return match;
    }
}
