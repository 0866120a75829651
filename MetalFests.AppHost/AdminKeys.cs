using MetalFests.ServiceDefaults.Security;
using Microsoft.Extensions.Configuration;

namespace MetalFests.AppHost;

/// <summary>
/// The development admin API key: a secret parameter (shown in the dashboard), taken from the
/// environment variable <c>METALFESTS_ADMIN_KEY</c> when set, else generated once and kept in the
/// AppHost's user secrets. Services receive only its SHA-256, under the key id <c>dev</c> with full
/// (delete) permission.
/// </summary>
public static class AdminKeys
{
    public const string EnvironmentVariable = "METALFESTS_ADMIN_KEY";
    public const string DevelopmentKeyId = "dev";
    private const string ParameterName = "admin-key";

    public static IResourceBuilder<ParameterResource> AddAdminKey(this IDistributedApplicationBuilder builder) =>
        builder.Configuration[EnvironmentVariable] is { Length: > 0 } fromEnvironment
            ? builder.AddParameter(ParameterName, fromEnvironment, secret: true)
            : builder.AddParameter(ParameterName, new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);

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
