using System.Net.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MetalFests.Api.OpenApi;

/// <summary>
/// Every public read also answers HEAD (same headers, no body). The HEAD twin would be a second
/// operation with the GET's operationId (which breaks client generators) and a duplicate entry on
/// the documentation page, so the document lists the GET only and says there that HEAD is supported.
/// </summary>
public static class HeadTwins
{
    public const string Note = "HEAD is supported too: the same status and headers, no body.";

    public static Task Hide(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var path in document.Paths.Values.OfType<OpenApiPathItem>())
        {
            if (path.Operations is not { } operations || !operations.Remove(HttpMethod.Head))
            {
                continue;
            }
            if (operations.TryGetValue(HttpMethod.Get, out var get))
            {
                get.Description = string.IsNullOrEmpty(get.Description) ? Note : $"{get.Description} {Note}";
            }
        }
        return Task.CompletedTask;
    }
}
