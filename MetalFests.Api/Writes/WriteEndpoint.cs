using System.Text.Json;
using System.Text.Json.Nodes;
using MetalFests.ServiceDefaults;
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
        return (result.Value!, await AnswerAsync(http, result.Value!));
    }

    /// <summary>How many times a <c>PATCH</c> without <c>If-Match</c> merges again when another write came between its read and its write.</summary>
    private const int PatchAttempts = 3;

    /// <summary>
    /// A <c>PATCH</c> (JSON Merge Patch, RFC 7396): the patch is applied to the entity as stored (<paramref name="read"/>:
    /// its <c>PUT</c> body and version), the result validated by the same <paramref name="parse"/> as a <c>PUT</c> and
    /// written by the same <paramref name="write"/> (audit, eviction, atomicity). The write is conditional on the version
    /// that was patched: with <c>If-Match</c> the client's (stale: 412), without it the one read (a write in between: merged again).
    /// </summary>
    public static async Task<Validated<(Written<T> Written, CacheInvalidation Invalidation)>> PatchAsync<TInput, T>(
        HttpContext http, Func<CancellationToken, Task<(JsonObject Current, long Version)?>> read, Func<ApiError> notFound,
        Func<JsonElement, Validated<TInput>> parse,
        Func<TInput, WriteContext, CancellationToken, Task<WriteResult<T>>> write, CancellationToken cancellationToken)
    {
        var context = WriteRequests.Context(http);
        if (context.Error is { } bad)
        {
            return bad;
        }
        var body = await JsonBody.ReadAsync(http.Request, MediaTypes.MergePatch, cancellationToken);
        if (body.Error is { } unreadable)
        {
            return unreadable;
        }
        using var patch = body.Value!;
        if (MergePatch.Problems(patch.RootElement) is { Count: > 0 } problems)
        {
            return ApiError.Validation(problems);
        }
        for (var attempt = 1; ; attempt++)
        {
            if (await read(cancellationToken) is not { } current)
            {
                return notFound();
            }
            using var merged = JsonDocument.Parse(MergePatch.Apply(current.Current, patch.RootElement)!.ToJsonString());
            var input = parse(merged.RootElement);
            if (input.Error is { } invalid)
            {
                return invalid;
            }
            var conditional = context.Value! with { IfMatch = context.Value!.IfMatch ?? current.Version };
            var result = await write(input.Value!, conditional, cancellationToken);
            if (result.Error is { Failure: WriteFailure.VersionMismatch } && context.Value!.IfMatch is null && attempt < PatchAttempts)
            {
                continue;
            }
            if (result.Error is { } refused)
            {
                return refused.ToApiError();
            }
            return (result.Value!, await AnswerAsync(http, result.Value!));
        }
    }

    /// <summary>A successful write's answer: the new ETag, and what it changed invalidated (the block for the body).</summary>
    private static async Task<CacheInvalidation> AnswerAsync<T>(HttpContext http, Written<T> written)
    {
        http.Response.Headers.ETag = ETags.Of(written.Stamp.Version);
        return await WriteInvalidation.InvalidateAsync(http, written);
    }
}
