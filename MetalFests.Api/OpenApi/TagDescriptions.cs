using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MetalFests.Api.OpenApi;

/// <summary>
/// Each tag (an operations' group, named where the endpoints are mapped) is described by the paths its
/// operations answer at, so the description cannot drift from the operations.
/// </summary>
public static class TagDescriptions
{
    public static Task FromPaths(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        if (document.Tags is not { Count: > 0 } tags)
        {
            return Task.CompletedTask;
        }
        var pathsByTag = document.Paths
            .SelectMany(path => (path.Value.Operations ?? []).SelectMany(operation => (operation.Value.Tags ?? Enumerable.Empty<OpenApiTagReference>()).Select(tag => (Tag: tag.Name, Path: path.Key))))
            .Where(t => t.Tag is not null)
            .GroupBy(t => t.Tag!, t => t.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            if (tag.Name is not null && string.IsNullOrEmpty(tag.Description) && pathsByTag.TryGetValue(tag.Name, out var paths))
            {
                tag.Description = $"{tag.Name}: {string.Join(", ", paths)}.";
            }
        }
        return Task.CompletedTask;
    }
}
