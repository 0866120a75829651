using System.Globalization;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace MetalFests.Gateway.Caching;

/// <summary>
/// Writes a stored response: <c>X-Cache</c>, <c>Age</c>, <c>ETag</c>, <c>Cache-Control</c>, a 304 for a
/// matching <c>If-None-Match</c>, and the body in the best encoding the client accepts.
/// </summary>
public static class CachedResponseWriter
{
    public const string CacheStatusHeader = "X-Cache";

    /// <param name="isHead">Whether to omit the body; by default, whether the request is a HEAD.</param>
    public static async Task ServeAsync(HttpContext context, CachedResponse entry, string outcome, DateTimeOffset now, bool? isHead = null)
    {
        var response = context.Response;
        response.Headers.Clear();
        response.StatusCode = entry.StatusCode;
        var headers = response.Headers;
        headers.CacheControl = entry.CacheControl;
        headers.ETag = entry.ETag;
        headers.Age = entry.AgeSeconds(now).ToString(CultureInfo.InvariantCulture);
        headers[CacheStatusHeader] = outcome;
        headers.Vary = HeaderNames.AcceptEncoding;
        foreach (var (name, values) in entry.VersionHeaders)
        {
            headers[name] = values;
        }

        if (entry.StatusCode == StatusCodes.Status200OK && Matches(context.Request.Headers.IfNoneMatch, entry.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        headers.ContentType = entry.ContentType;
        if (entry.ContentDisposition is { } disposition)
        {
            headers.ContentDisposition = disposition;
        }
        var body = entry.Body;
        switch (Encoding(context.Request.Headers.AcceptEncoding))
        {
            case "br":
                body = entry.Brotli;
                headers.ContentEncoding = "br";
                break;
            case "gzip":
                body = entry.Gzip;
                headers.ContentEncoding = "gzip";
                break;
        }
        response.ContentLength = body.Length;
        if (!(isHead ?? HttpMethods.IsHead(context.Request.Method)))
        {
            await response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    private static bool Matches(StringValues ifNoneMatch, string etag) =>
        ifNoneMatch.Any(value => value is not null && (value.Trim() == "*" || value.Split(',').Any(tag => tag.Trim().TrimStart('W', '/') == etag)));

    /// <summary>br over gzip when the client accepts both; identity otherwise (q=0 refuses).</summary>
    private static string? Encoding(StringValues acceptEncoding)
    {
        if (StringValues.IsNullOrEmpty(acceptEncoding) || !StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var offers))
        {
            return null;
        }
        bool Accepts(string coding) => offers.Any(o => string.Equals(o.Value.Value, coding, StringComparison.OrdinalIgnoreCase) && o.Quality is not 0);
        return Accepts("br") ? "br" : Accepts("gzip") ? "gzip" : null;
    }
}
