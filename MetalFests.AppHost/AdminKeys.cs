using MetalFests.ServiceDefaults.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MetalFests.AppHost;

/// <summary>
/// The development admin API key: a secret parameter (shown in the dashboard), taken from the
/// environment variable <c>METALFESTS_ADMIN_KEY</c> when set, else generated once (<see cref="ApiKeyRules.GeneratedLength"/>
/// letters and digits) and kept in the AppHost's user secrets. Either way it must meet <see cref="ApiKeyRules"/>: the
/// AppHost refuses to start otherwise, naming the setting. Services receive only its SHA-256, under the key id
/// <c>dev</c> with full (delete) permission.
/// </summary>
public static class AdminKeys
{
    public const string EnvironmentVariable = "METALFESTS_ADMIN_KEY";
    public const string DevelopmentKeyId = "dev";
    private const string ParameterName = "admin-key";

    /// <summary>Where Aspire keeps the generated key (the AppHost's user secrets).</summary>
    public const string KeptSetting = "Parameters:" + ParameterName;

    public static IResourceBuilder<ParameterResource> AddAdminKey(this IDistributedApplicationBuilder builder)
    {
        builder.Services.AddOptions<DevelopmentKeyOptions>()
            .Configure(options =>
            {
                options.Given = builder.Configuration[EnvironmentVariable];
                options.Kept = builder.Configuration[KeptSetting];
            })
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DevelopmentKeyOptions>, DevelopmentKeyValidator>();
        return builder.Configuration[EnvironmentVariable] is { Length: > 0 } fromEnvironment
            ? builder.AddParameter(ParameterName, fromEnvironment, secret: true)
            : builder.AddParameter(ParameterName, new GenerateParameterDefault { MinLength = ApiKeyRules.GeneratedLength, Special = false }, secret: true, persist: true);
    }

    public static IResourceBuilder<ProjectResource> WithAdminKey(this IResourceBuilder<ProjectResource> project, IResourceBuilder<ParameterResource> key) =>
        project.WithEnvironment(async context =>
        {
            var secret = await key.Resource.GetValueAsync(context.CancellationToken) ?? "";
            var prefix = $"{ApiKeyOptions.SectionName}__0__";
            context.EnvironmentVariables[prefix + nameof(ApiKeyEntry.Id)] = DevelopmentKeyId;
            context.EnvironmentVariables[prefix + nameof(ApiKeyEntry.Hash)] = ApiKeyAuthenticator.HashOf(secret);
            context.EnvironmentVariables[prefix + nameof(ApiKeyEntry.Permission)] = nameof(Permission.Delete);
        });
}

/// <summary>The development key as configured: given (<c>METALFESTS_ADMIN_KEY</c>) or kept from an earlier run (user secrets).</summary>
public sealed class DevelopmentKeyOptions
{
    public string? Given { get; set; }
    public string? Kept { get; set; }
}

/// <summary>Refuses to start the AppHost on a development key that breaks <see cref="ApiKeyRules"/>, naming the setting, never the key.</summary>
public sealed class DevelopmentKeyValidator : IValidateOptions<DevelopmentKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, DevelopmentKeyOptions options) =>
        options.Given is { Length: > 0 } given
            ? Check(given, AdminKeys.EnvironmentVariable, "set a longer one (e.g. `openssl rand -hex 20`), or unset it to have one generated")
            : options.Kept is { Length: > 0 } kept
                ? Check(kept, AdminKeys.KeptSetting, $"remove it from the AppHost's user secrets (`dotnet user-secrets remove {AdminKeys.KeptSetting} --project MetalFests.AppHost`) to have a new one generated")
                : ValidateOptionsResult.Success;

    private static ValidateOptionsResult Check(string key, string setting, string remedy) =>
        ApiKeyRules.ProblemWithKey(key) is { } problem
            ? ValidateOptionsResult.Fail($"{setting} (the development admin key) {problem}: {remedy}")
            : ValidateOptionsResult.Success;
}
