using Microsoft.Extensions.Options;

namespace MetalFests.ServiceDefaults.Security;

/// <summary>
/// Refuses to start on a key that could never match or would match wrongly, naming the setting
/// (<c>ApiKeys:0:Hash</c>) and never its value: a malformed hash (or the key itself put where its hash goes), an
/// unknown permission, a missing id, an unknown setting, two keys with one id or one hash.
/// Runs at start-up (<c>ValidateOnStart</c>), not at the first request.
/// </summary>
public sealed class ApiKeyOptionsValidator : IValidateOptions<ApiKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiKeyOptions options)
    {
        var failures = new List<string>();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var hashes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in options.Keys)
        {
            if (string.IsNullOrWhiteSpace(key.Id))
            {
                failures.Add($"{key.Setting}:{nameof(ApiKeyEntry.Id)} is required (the name logs, traces and the audit give the key)");
            }
            else if (!ids.TryAdd(key.Id, key.Setting))
            {
                failures.Add($"{key.Setting}:{nameof(ApiKeyEntry.Id)} '{key.Id}' is already the id of {ids[key.Id]}");
            }
            if (ApiKeyRules.ProblemWithHash(key.Hash) is { } hashProblem)
            {
                failures.Add($"{key.Setting}:{nameof(ApiKeyEntry.Hash)} {hashProblem}");
            }
            else if (!hashes.TryAdd(key.Hash, key.Setting))
            {
                failures.Add($"{key.Setting}:{nameof(ApiKeyEntry.Hash)} is the hash of the same key as {hashes[key.Hash]}");
            }
            if (ApiKeyRules.PermissionNamed(key.Permission) is null)
            {
                failures.Add($"{key.Setting}:{nameof(ApiKeyEntry.Permission)} must be one of {ApiKeyRules.PermissionNames}");
            }
            failures.AddRange(key.UnknownSettings.Select(unknown =>
                $"{key.Setting}:{unknown} is not a setting of an API key ({nameof(ApiKeyEntry.Id)}, {nameof(ApiKeyEntry.Hash)}, {nameof(ApiKeyEntry.Permission)})"));
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
