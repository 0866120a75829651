using System.Globalization;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace MetalFests.Gateway.Caching;

/// <summary>
/// Writes a stored response: <c>X-Cache</c>, <c>Age</c>, <c>ETag</c>, <c>Cache-Control</c>, a 304 for a
/// matching <c>If-None-Match</c>, and the body in the best encoding the client accepts. The hit path:
/// the request's headers are read in place (no parsed header objects, no LINQ) and every value written
/// is one the entry already holds, so a hit allocates nothing here.
/// </summary>
public static class CachedResponseWriter
{
    public const string CacheStatusHeader = "X-Cache";

    /// <summary>The <c>Age</c> values of the first hour, made once (an entry's age is almost always within its TTL).</summary>
    private static readonly string?[] AgeTexts = new string?[3601];

    /// <param name="isHead">Whether to omit the body; by default, whether the request is a HEAD.</param>
    public static Task ServeAsync(HttpContext context, CachedResponse entry, string outcome, DateTimeOffset now, bool? isHead = null)
    {
        var response = context.Response;
        var request = context.Request;
        response.Headers.Clear();
        response.StatusCode = entry.StatusCode;
        var headers = response.Headers;
        headers.CacheControl = entry.CacheControl;
        headers.ETag = entry.ETag;
        headers.Age = AgeText(entry.AgeSeconds(now));
        headers[CacheStatusHeader] = outcome;
        headers.Vary = HeaderNames.AcceptEncoding;
        foreach (var (name, values) in entry.VersionHeaders)
        {
            headers[name] = values;
        }

        if (entry.StatusCode == StatusCodes.Status200OK && Matches(request.Headers.IfNoneMatch, entry.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        headers.ContentType = entry.ContentType;
        if (entry.ContentDisposition is { } disposition)
        {
            headers.ContentDisposition = disposition;
        }
        var body = entry.Body;
        switch (Encoding(request.Headers.AcceptEncoding))
        {
            case ContentCoding.Brotli:
                body = entry.Brotli;
                headers.ContentEncoding = "br";
                break;
            case ContentCoding.Gzip:
                body = entry.Gzip;
                headers.ContentEncoding = "gzip";
                break;
        }
        response.ContentLength = body.Length;
        if (isHead ?? HttpMethods.IsHead(request.Method))
        {
            return Task.CompletedTask;
        }
        // No cancellation token: Kestrel drops a write to a connection that went away by itself.
        return response.Body.WriteAsync(body).AsTask();
    }

    private static string AgeText(int seconds) =>
        (uint)seconds < (uint)AgeTexts.Length
            ? AgeTexts[seconds] ??= seconds.ToString(CultureInfo.InvariantCulture)
            : seconds.ToString(CultureInfo.InvariantCulture);

    /// <summary>Whether any listed entity tag (weak or strong), or <c>*</c>, is the entry's.</summary>
    private static bool Matches(StringValues ifNoneMatch, string etag)
    {
        for (var i = 0; i < ifNoneMatch.Count; i++)
        {
            var value = ifNoneMatch[i].AsSpan();
            if (value.Trim() is "*")
            {
                return true;
            }
            foreach (var range in value.Split(','))
            {
                if (value[range].Trim().TrimStart("W/").SequenceEqual(etag.AsSpan()))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private enum ContentCoding
    {
        Identity,
        Brotli,
        Gzip,
    }

    /// <summary>br over gzip when the client accepts both; identity otherwise (q=0 refuses, a malformed list gets identity).</summary>
    private static ContentCoding Encoding(StringValues acceptEncoding)
    {
        var (brotli, gzip) = (false, false);
        for (var i = 0; i < acceptEncoding.Count; i++)
        {
            var value = acceptEncoding[i].AsSpan();
            foreach (var range in value.Split(','))
            {
                var offer = value[range];
                var semicolon = offer.IndexOf(';');
                var coding = (semicolon < 0 ? offer : offer[..semicolon]).Trim();
                if (coding.IsEmpty)
                {
                    continue;
                }
                if (QualityOf(semicolon < 0 ? ReadOnlySpan<char>.Empty : offer[(semicolon + 1)..]) is not { } quality)
                {
                    return ContentCoding.Identity;
                }
                if (quality > 0)
                {
                    brotli |= coding.Equals("br", StringComparison.OrdinalIgnoreCase);
                    gzip |= coding.Equals("gzip", StringComparison.OrdinalIgnoreCase);
                }
            }
        }
        return brotli ? ContentCoding.Brotli : gzip ? ContentCoding.Gzip : ContentCoding.Identity;
    }

    /// <summary>The <c>q</c> of an offer's parameters (1 when absent); null when it is not a number.</summary>
    private static double? QualityOf(ReadOnlySpan<char> parameters)
    {
        foreach (var range in parameters.Split(';'))
        {
            var parameter = parameters[range];
            var equals = parameter.IndexOf('=');
            if (equals >= 0 && parameter[..equals].Trim().Equals("q", StringComparison.OrdinalIgnoreCase))
            {
                return double.TryParse(parameter[(equals + 1)..].Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var quality) ? quality : null;
            }
        }
        return 1;
    }
}
