using System.Text.Json;
using MetalFests.Api.Http;
using MetalFests.ServiceDefaults;
using MetalFests.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace MetalFests.Api.Writes;

/// <summary>
/// Reads a write request's body as one JSON object, refusing what is not: too large (413), not declared as
/// JSON (415), empty, malformed or not an object (400 naming <c>body</c>).
/// </summary>
public static class JsonBody
{
    public const int MaxBytes = 256 * 1024;

    public const string BodyField = "body";

    private const int ChunkBytes = 16 * 1024;

    /// <summary>The parsed body; the caller owns (and disposes) the document.</summary>
    public static Task<Validated<JsonDocument>> ReadAsync(HttpRequest request, CancellationToken ct) =>
        ReadAsync(request, MediaTypes.Json, ct);

    /// <summary>The parsed body, which must be declared as <paramref name="mediaType"/> (a JSON type); the caller owns the document.</summary>
    public static async Task<Validated<JsonDocument>> ReadAsync(HttpRequest request, string mediaType, CancellationToken ct)
    {
        if (!IsJson(request.ContentType, mediaType))
        {
            return ApiError.UnsupportedMediaType(mediaType);
        }
        if (request.ContentLength > MaxBytes)
        {
            return ApiError.PayloadTooLarge();
        }
        var bytes = await ReadAtMostMaxBytesAsync(request.Body, ct);
        if (bytes is null)
        {
            return ApiError.PayloadTooLarge();
        }
        var json = WithoutByteOrderMark(bytes.Value);
        if (json.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return BodyError("is required");
        }
        if (!System.Text.Unicode.Utf8.IsValid(json.Span))
        {
            // JSON text is UTF-8 (RFC 8259 §8.1): invalid, overlong or surrogate bytes are refused here, before any string is read.
            return BodyError("must be UTF-8");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            // Where it broke, never what the body said: the message would echo it back.
            return BodyError($"must be valid JSON (error at line {e.LineNumber + 1}, position {e.BytePositionInLine + 1})");
        }
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            return BodyError("must be a JSON object");
        }
        return document;
    }

    private static bool IsJson(string? contentType, string expected) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && mediaType.MediaType.Equals(expected, StringComparison.OrdinalIgnoreCase)
        && (mediaType.Charset.Length == 0
            || mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            || mediaType.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The body, or null when it is larger than <see cref="MaxBytes"/>. Reads in chunks and stops one chunk past
    /// the limit, so a chunked body (no Content-Length) is never held whole, however long it is.
    /// </summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadAtMostMaxBytesAsync(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[ChunkBytes];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static ReadOnlyMemory<byte> WithoutByteOrderMark(ReadOnlyMemory<byte> json) =>
        json.Span.StartsWith("\uFEFF"u8) ? json[3..] : json;

    private static ApiError BodyError(string reason) => ApiError.Validation([new FieldError(BodyField, reason)]);
}
