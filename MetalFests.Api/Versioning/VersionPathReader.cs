using Asp.Versioning;
using Microsoft.AspNetCore.Http;

namespace MetalFests.Api.Versioning;

/// <summary>
/// Reads the version from the path's <c>/api/v{n}/</c> segment, which the routes hold literally (so documents show
/// <c>/api/v2/bands</c>, not a template). No segment: no version asked for, which the API takes as version 1.
/// </summary>
public sealed class VersionPathReader : IApiVersionReader
{
    private const string Prefix = "/api/v";

    public IReadOnlyList<string> Read(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        if (!path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return [];
        }
        var end = path.IndexOf('/', Prefix.Length);
        var segment = end < 0 ? path[Prefix.Length..] : path[Prefix.Length..end];
        return segment.Length > 0 && segment.All(char.IsAsciiDigit) ? [segment] : [];
    }

    public void AddParameters(IApiVersionParameterDescriptionContext context) =>
        context.AddParameter("version", ApiVersionParameterLocation.Path);
}
