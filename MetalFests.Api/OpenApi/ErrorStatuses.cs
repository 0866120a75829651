using System.Net.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MetalFests.Api.OpenApi;

/// <summary>
/// The error statuses an operation lists are those it can answer with: the endpoint groups declare
/// the envelope for every read or write status (<see cref="Http.ErrorResponses"/>); this drops the
/// ones the operation's shape rules out, and keeps a conflict (409) or a refused reference (422) only
/// where the endpoint says it can answer with one (<see cref="AlsoAnswers"/>).
/// </summary>
public static class ErrorStatuses
{
    /// <summary>A status only some writes answer with, declared by the endpoint.</summary>
    public sealed record DeclaredStatus(int Status);

    private static readonly int[] OnlyWhereDeclared = [StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity];

    /// <summary>
    /// The endpoint can answer with <paramref name="statuses"/>: 409 (the key exists on create; the entity is still
    /// referenced on delete), 422 (a band, genre or role the body names does not exist), or 404 without a key in
    /// its path (an id in its query that names nothing).
    /// </summary>
    public static TBuilder AlsoAnswers<TBuilder>(this TBuilder endpoints, params int[] statuses) where TBuilder : IEndpointConventionBuilder =>
        endpoints.WithMetadata([.. statuses.Select(status => new DeclaredStatus(status))]);

    public static Task KeepThoseThatApply(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.Responses is not { } responses)
        {
            return Task.CompletedTask;
        }
        var method = context.Description.HttpMethod ?? HttpMethods.Get;
        var hasBody = operation.RequestBody is not null || HttpMethods.IsPost(method) || HttpMethods.IsPut(method);
        var declared = context.Description.ActionDescriptor.EndpointMetadata.OfType<DeclaredStatus>().Select(d => d.Status).ToHashSet();
        // A 404 names a missing resource: only an address with a key can miss one (or a query naming one, where declared).
        if (context.Description.ParameterDescriptions.All(p => p.Source.Id != "Path") && !declared.Contains(StatusCodes.Status404NotFound))
        {
            responses.Remove(Status(StatusCodes.Status404NotFound));
        }
        // A 400 names a bad parameter or body field: an operation with neither cannot be given a bad one.
        if (context.Description.ParameterDescriptions.Count == 0 && !hasBody)
        {
            responses.Remove(Status(StatusCodes.Status400BadRequest));
        }
        // If-Match guards a replacement or a deletion, never a creation or a read.
        if (!HttpMethods.IsPut(method) && !HttpMethods.IsDelete(method) && !HttpMethods.IsPatch(method))
        {
            responses.Remove(Status(StatusCodes.Status412PreconditionFailed));
        }
        // Only a request with a body can be too large or of the wrong type.
        if (!hasBody)
        {
            responses.Remove(Status(StatusCodes.Status413PayloadTooLarge));
            responses.Remove(Status(StatusCodes.Status415UnsupportedMediaType));
        }
        foreach (var status in OnlyWhereDeclared.Where(s => !declared.Contains(s)))
        {
            responses.Remove(Status(status));
        }
        return Task.CompletedTask;
    }

    public static string Status(int code) => code.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
