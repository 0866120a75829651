using System.Net.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MetalFests.Api.OpenApi;

/// <summary>
/// The error statuses an operation lists are those it can answer with: the endpoint groups declare
/// the envelope for every read or write status (<see cref="Http.ErrorResponses"/>); this drops the
/// ones the operation's shape rules out.
/// </summary>
public static class ErrorStatuses
{
    public static Task KeepThoseThatApply(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.Responses is not { } responses)
        {
            return Task.CompletedTask;
        }
        var method = context.Description.HttpMethod ?? HttpMethods.Get;
        var hasBody = operation.RequestBody is not null || HttpMethods.IsPost(method) || HttpMethods.IsPut(method);
        // A 404 names a missing resource: only an address with a key can miss one.
        if (context.Description.ParameterDescriptions.All(p => p.Source.Id != "Path"))
        {
            responses.Remove(Status(StatusCodes.Status404NotFound));
        }
        // If-Match guards a replacement or a deletion, never a creation or a read.
        if (!HttpMethods.IsPut(method) && !HttpMethods.IsDelete(method) && !HttpMethods.IsPatch(method))
        {
            responses.Remove(Status(StatusCodes.Status412PreconditionFailed));
        }
        // Only a request with a body can be too large, of the wrong type or invalid as a whole.
        if (!hasBody)
        {
            responses.Remove(Status(StatusCodes.Status413PayloadTooLarge));
            responses.Remove(Status(StatusCodes.Status415UnsupportedMediaType));
            responses.Remove(Status(StatusCodes.Status422UnprocessableEntity));
        }
        // A read changes nothing, so it cannot conflict with the data.
        if (HttpMethods.IsGet(method))
        {
            responses.Remove(Status(StatusCodes.Status409Conflict));
        }
        return Task.CompletedTask;
    }

    private static string Status(int code) => code.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
