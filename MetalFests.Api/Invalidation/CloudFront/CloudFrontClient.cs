using System.Globalization;
using System.Net;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace MetalFests.Api.Invalidation.CloudFront;

/// <summary>An invalidation as CloudFront reports it.</summary>
public sealed record CloudFrontInvalidation(string Id, string Status, DateTime CreateTime, IReadOnlyList<string> Paths);

/// <summary>CloudFront's refusal (its <c>ErrorResponse</c>), or a call that got no answer (status 0: timeout, network).</summary>
public sealed record CloudFrontFailure(int HttpStatus, string Code, string Message, TimeSpan? RetryAfter = null);

public readonly record struct CloudFrontAnswer(CloudFrontInvalidation? Invalidation, CloudFrontFailure? Failure)
{
    public static implicit operator CloudFrontAnswer(CloudFrontInvalidation invalidation) => new(invalidation, null);
    public static implicit operator CloudFrontAnswer(CloudFrontFailure failure) => new(null, failure);
}

/// <summary>
/// CloudFront's invalidation API (REST, XML, 2020-05-31) over an <see cref="HttpClient"/> whose handler signs with
/// SigV4 (<see cref="CloudFrontInvalidationExtensions"/>): <c>CreateInvalidation</c> and <c>GetInvalidation</c>.
/// </summary>
public sealed class CloudFrontClient(HttpClient http)
{
    public const string ApiVersion = "2020-05-31";
    public static readonly XNamespace Xmlns = $"http://cloudfront.amazonaws.com/doc/{ApiVersion}/";

    /// <summary>Code of a call that got no answer in time or at all.</summary>
    public const string Unreachable = "Unreachable";

    public static string InvalidationsPath(string distributionId) => $"/{ApiVersion}/distribution/{Uri.EscapeDataString(distributionId)}/invalidation";

    public async Task<CloudFrontAnswer> CreateInvalidationAsync(string distributionId, IReadOnlyList<string> paths, string callerReference, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, InvalidationsPath(distributionId))
        {
            Content = new StringContent(BatchXml(paths, callerReference), Encoding.UTF8, "text/xml"),
        };
        return await SendAsync(request, cancellationToken);
    }

    public async Task<CloudFrontAnswer> GetInvalidationAsync(string distributionId, string invalidationId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{InvalidationsPath(distributionId)}/{Uri.EscapeDataString(invalidationId)}");
        return await SendAsync(request, cancellationToken);
    }

    /// <summary>The <c>InvalidationBatch</c> body of CreateInvalidation.</summary>
    public static string BatchXml(IReadOnlyList<string> paths, string callerReference)
    {
        var batch = new XElement(Xmlns + "InvalidationBatch",
            new XElement(Xmlns + "Paths",
                new XElement(Xmlns + "Quantity", paths.Count),
                new XElement(Xmlns + "Items", paths.Select(p => new XElement(Xmlns + "Path", p)))),
            new XElement(Xmlns + "CallerReference", callerReference));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + batch.ToString(SaveOptions.DisableFormatting);
    }

    private async Task<CloudFrontAnswer> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return response.IsSuccessStatusCode ? ReadInvalidation(body) : ReadError(response, body);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or XmlException or FormatException or Amazon.Runtime.AmazonClientException
                                      && !cancellationToken.IsCancellationRequested)
        {
            // A timeout (HttpClient.Timeout), no connection, no credentials, or an answer that is not CloudFront's.
            return new CloudFrontFailure(0, Unreachable, e.Message);
        }
    }

    private static CloudFrontInvalidation ReadInvalidation(string body)
    {
        var root = XDocument.Parse(body).Root ?? throw new XmlException("empty answer");
        var ns = root.Name.Namespace;
        string Text(XContainer node, string name) => node.Element(ns + name)?.Value ?? throw new XmlException($"no {name} in the answer");
        var paths = root.Element(ns + "InvalidationBatch")?.Element(ns + "Paths")?.Element(ns + "Items")?.Elements(ns + "Path").Select(p => p.Value).ToList() ?? [];
        return new CloudFrontInvalidation(Text(root, "Id"), Text(root, "Status"),
            DateTime.Parse(Text(root, "CreateTime"), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), paths);
    }

    private static CloudFrontFailure ReadError(HttpResponseMessage response, string body)
    {
        var retryAfter = response.Headers.RetryAfter?.Delta;
        try
        {
            var root = XDocument.Parse(body).Root;
            var ns = root?.Name.Namespace ?? XNamespace.None;
            var error = root?.Element(ns + "Error");
            if (error is not null)
            {
                return new CloudFrontFailure((int)response.StatusCode, error.Element(ns + "Code")?.Value ?? response.StatusCode.ToString(),
                    error.Element(ns + "Message")?.Value ?? "", retryAfter);
            }
        }
        catch (XmlException)
        {
            // Not CloudFront's error document (a proxy's page): the status says enough.
        }
        return new CloudFrontFailure((int)response.StatusCode, response.StatusCode.ToString(), ReasonOf(response.StatusCode), retryAfter);
    }

    private static string ReasonOf(HttpStatusCode status) => $"CloudFront answered {(int)status}";
}
