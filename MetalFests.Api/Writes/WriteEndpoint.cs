using System.Text.Json;
using MetalFests.Api.Http;
using MetalFests.ServiceDefaults.Errors;
using MetalFests.Storage.Writes;
using Microsoft.AspNetCore.Http;

namespace MetalFests.Api.Writes;

/// <summary>The steps every write endpoint shares: the body read and validated, the writer identified, the write, the answer's headers.</summary>
public static class WriteEndpoint
{
    private static async Task<Validated<(T Input, WriteContext Context)>> ReadAsync<T>(HttpContext http, Func<JsonElement, Validated<T>> parse, CancellationToken cancellationToken)
    {
        var context = WriteRequests.Context(http);
        if (context.Error is { } bad)
        {
            return bad;
        }
        var body = await JsonBody.ReadAsync(http.Request, cancellationToken);
        if (body.Error is { } unreadable)
        {
            return unreadable;
        }
        using var document = body.Value!;
        var input = parse(document.RootElement);
        return input.Error is { } invalid ? invalid : (input.Value!, context.Value!);
    }

    /// <summary>
    /// A write endpoint's whole path to the table: body parsed, writer identified, the write done; an
    /// error (the envelope's) at the first step that refuses. On success the response has its ETag, what the
    /// write changed is invalidated, and the value carries the <see cref="CacheInvalidation"/> block for the body.
    /// </summary>
    public static async Task<Validated<(Written<T> Written, CacheInvalidation Invalidation)>> RunAsync<TInput, T>(
        HttpContext http, Func<JsonElement, Validated<TInput>> parse,
        Func<TInput, WriteContext, CancellationToken, Task<WriteResult<T>>> write, CancellationToken cancellationToken)
    {
        var request = await ReadAsync(http, parse, cancellationToken);
        if (request.Error is { } invalid)
        {
            return invalid;
        }
        var result = await write(request.Value.Input, request.Value.Context, cancellationToken);
        if (result.Error is { } refused)
        {
            return refused.ToApiError();
        }
        http.Response.Headers.ETag = ETags.Of(result.Value!.Stamp.Version);
        return (result.Value!, await WriteInvalidation.InvalidateAsync(http, result.Value!));
    }
}
