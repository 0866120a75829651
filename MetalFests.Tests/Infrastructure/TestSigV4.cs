using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MetalFests.Tests.Infrastructure;

/// <summary>
/// The test's own SigV4 (AWS's "Signature Version 4 signing process", written from the spec, not from the
/// SDK): the canonical request, the string to sign, the derived key, the signature. The fake CloudFront
/// verifies requests with it; <c>SigV4SignatureTests</c> checks it against AWS's published examples.
/// </summary>
public static class TestSigV4
{
    public const string Algorithm = "AWS4-HMAC-SHA256";
    public const string TimeFormat = "yyyyMMdd'T'HHmmss'Z'";

    public sealed record Request(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, byte[] Body);

    public static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    public static string PayloadHash(byte[] body) => Hex(SHA256.HashData(body));

    public static string CanonicalRequest(Request request, IReadOnlyList<string> signedHeaders, string payloadHash)
    {
        var headers = string.Concat(signedHeaders.Select(name => $"{name}:{Trimmed(request.Headers[name])}\n"));
        return string.Join('\n', request.Method, request.Path, CanonicalQuery(request.Query), headers, string.Join(';', signedHeaders), payloadHash);
    }

    public static string Signature(string secretKey, string amzDate, string region, string service, string canonicalRequest)
    {
        var day = amzDate[..8];
        var scope = $"{day}/{region}/{service}/aws4_request";
        var toSign = $"{Algorithm}\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var key = Hmac(Hmac(Hmac(Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), day), region), service), "aws4_request");
        return Hex(Hmac(key, toSign));
    }

    /// <summary>
    /// Checks a received request's <c>Authorization</c> against the signature it should carry; returns what is
    /// wrong (empty when the request is signed right).
    /// </summary>
    public static IReadOnlyList<string> Verify(Request request, string accessKey, string secretKey, string region, string service, DateTimeOffset now)
    {
        var problems = new List<string>();
        var headers = request.Headers;
        if (!headers.TryGetValue("authorization", out var authorization) || !authorization.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            return ["no AWS4-HMAC-SHA256 Authorization header"];
        }
        var parts = authorization[(Algorithm.Length + 1)..].Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");
        if (!headers.TryGetValue("x-amz-date", out var amzDate)
            || !DateTimeOffset.TryParseExact(amzDate, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt))
        {
            return ["no valid X-Amz-Date header"];
        }
        if ((now - signedAt).Duration() > TimeSpan.FromMinutes(5))
        {
            problems.Add($"signed at {amzDate}, more than 5 minutes from now");
        }
        var expectedCredential = $"{accessKey}/{amzDate[..8]}/{region}/{service}/aws4_request";
        if (parts.GetValueOrDefault("Credential") != expectedCredential)
        {
            problems.Add($"credential {parts.GetValueOrDefault("Credential")}, expected {expectedCredential}");
        }
        var signedHeaders = parts.GetValueOrDefault("SignedHeaders", "").Split(';');
        foreach (var needed in new[] { "host", "x-amz-date", "x-amz-content-sha256" })
        {
            if (!signedHeaders.Contains(needed))
            {
                problems.Add($"{needed} is not signed");
            }
        }
        if (signedHeaders.FirstOrDefault(h => !headers.ContainsKey(h)) is { } missing)
        {
            return [.. problems, $"signed header {missing} was not sent"];
        }
        var payloadHash = PayloadHash(request.Body);
        if (headers.GetValueOrDefault("x-amz-content-sha256") != payloadHash)
        {
            problems.Add("x-amz-content-sha256 is not the body's SHA-256");
        }
        var expected = Signature(secretKey, amzDate, region, service, CanonicalRequest(request, signedHeaders, payloadHash));
        if (parts.GetValueOrDefault("Signature") != expected)
        {
            problems.Add("the signature does not match");
        }
        return problems;
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Trimmed(string value) => string.Join(' ', value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string CanonicalQuery(string query) =>
        string.Join('&', query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Key: Uri.EscapeDataString(Uri.UnescapeDataString(p[0])), Value: Uri.EscapeDataString(Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""))))
            .OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));
}
