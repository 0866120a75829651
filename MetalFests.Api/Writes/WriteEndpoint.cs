using System.Text.Json;
using MetalFests.Api.Http;
using MetalFests.ServiceDefaults.Errors;
using MetalFests.Storage.Writes;
using Microsoft.AspNetCore.Http;

namespace MetalFests.Api.Writes;

/// <summary>The first steps of every write endpoint: the body read and validated, the writer identified.</summary>
public static class WriteEndpoint
{
    public static async Task<Validated<(T Input, WriteContext Context)>> ReadAsync<T>(HttpContext http, Func<JsonElement, Validated<T>> parse, CancellationToken cancellationToken)
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

    /// <summary>A successful write's headers: the new ETag and the labels the gateway evicts by.</summary>
    public static CacheInvalidation Answer<T>(HttpContext http, Written<T> written)
    {
        http.Response.Headers.ETag = ETags.Of(written.Stamp.Version);
        return WriteInvalidation.Label(http, written.Changes);
    }
}
