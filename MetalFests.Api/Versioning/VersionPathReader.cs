using Asp.Versioning;
using Microsoft.AspNetCore.Http;

namespace MetalFests.Api.Versioning;

/// <summary>
/// Reads the version from the path's <c>/api/v{n}/</c> segment, which the routes hold literally (so documents show
/// <c>/api/v2/bands</c>, not a template). An <c>/api/</c> path without one asks for version 1, by name, so that
/// version 1's deprecation and sunset are reported on its answers.
/// </summary>
public sealed class VersionPathReader : IApiVersionReader
{
    private const string Prefix = "/api/v";
    private const string ApiRoot = "/api/";
    private static readonly string Default = ApiVersions.V1.MajorVersion!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public IReadOnlyList<string> Read(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        if (!path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return path.StartsWith(ApiRoot, StringComparison.Ordinal) ? [Default] : [];
        }
        var end = path.IndexOf('/', Prefix.Length);
        var segment = end < 0 ? path[Prefix.Length..] : path[Prefix.Length..end];
        return segment.Length > 0 && segment.All(char.IsAsciiDigit) ? [segment] : [Default];
    }

    public void AddParameters(IApiVersionParameterDescriptionContext context) =>
        context.AddParameter("version", ApiVersionParameterLocation.Path);
}
