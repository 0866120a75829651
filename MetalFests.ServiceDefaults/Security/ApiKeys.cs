using System.Security.Cryptography;
using System.Text;
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

/// <summary>One configured key: its public id, the SHA-256 (hex) of the secret, and what it may do. The secret itself is never stored.</summary>
public sealed class ApiKeyEntry
{
    public string Id { get; set; } = "";
    public string Hash { get; set; } = "";
    public Permission Permission { get; set; } = Permission.Read;
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
    private readonly (ApiKeyEntry Entry, byte[] Hash)[] _keys =
        [.. options.Value.Keys.Where(k => k.Hash.Length == 64).Select(k => (k, Convert.FromHexString(k.Hash)))];

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public ApiKeyIdentity? Authenticate(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return null;
        }
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        ApiKeyEntry? match = null;
        foreach (var (entry, stored) in _keys)
        {
            // No early exit: the time taken does not depend on which key (if any) matched.
            if (CryptographicOperations.FixedTimeEquals(hash, stored))
            {
                match = entry;
            }
        }
        return match is null ? null : new ApiKeyIdentity(match.Id, match.Permission);
    }
}
