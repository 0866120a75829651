using Asp.Versioning;

namespace MetalFests.Api.Versioning;

/// <summary>
/// The public API's versions: the one place that says which exist and how a version shows in a path. Version 1
/// is today's API at the unversioned paths (<c>/api/bands</c>); a later version lives beside it under
/// <c>/api/v{n}/</c> (<c>/api/v2/bands</c>). Admin paths are not versioned.
/// </summary>
public static class ApiVersions
{
    public static readonly ApiVersion V1 = new(1);
    public static readonly ApiVersion V2 = new(2);

    /// <summary>Every published version, oldest first.</summary>
    public static readonly IReadOnlyList<ApiVersion> All = [V1, V2];

    /// <summary>Where every API path starts (version 1 under it as it is, later versions under <c>/api/v{n}</c>).</summary>
    public const string ApiRoot = "/api";

    /// <summary>
    /// What an answer says of its version: the versions there are (Asp.Versioning's report), and once configured its
    /// deprecation (RFC 9745), sunset (RFC 8594) and the <c>Link</c> to the migration notes. The edge keeps them with a
    /// cached answer.
    /// </summary>
    public static readonly IReadOnlyList<string> ResponseHeaders = ["api-supported-versions", "api-deprecated-versions", "Deprecation", "Sunset", "Link"];

    /// <summary>The OpenAPI document (and endpoint group) name of a version: <c>v1</c>, <c>v2</c>.</summary>
    public static string DocumentName(ApiVersion version) => $"v{version.MajorVersion}";

    /// <summary>
    /// Where a public path of version 1 (<c>/api/bands</c>) lives in <paramref name="version"/>: unchanged for the
    /// default version, <c>/api/v2/bands</c> for version 2.
    /// </summary>
    public static string PathOf(ApiVersion version, string v1Path) =>
        version == V1 ? v1Path : $"{ApiRoot}/{DocumentName(version)}{v1Path[ApiRoot.Length..]}";
}
