using System.Collections.Concurrent;
using System.Globalization;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MetalFests.Tests.Infrastructure;

/// <summary>How the fake answers the next calls.</summary>
public enum FakeAnswer
{
    Normally,
    ServerError,
    Throttling,
    TooManyInvalidationsInProgress,

    /// <summary>Never answers in time (longer than any client timeout of the tests).</summary>
    Hangs,
}

/// <summary>
/// A loopback CloudFront (Kestrel on 127.0.0.1, a random port) for the invalidation API, 2020-05-31: it checks
/// every call's SigV4 signature with <see cref="TestSigV4"/> (the test's own computation) and the
/// <c>InvalidationBatch</c> body as CloudFront's API reference describes it, records the calls, and answers
/// as CloudFront does — or fails as told by <see cref="Answer"/>.
/// </summary>
public sealed class FakeCloudFront : IAsyncDisposable
{
    public const string AccessKey = "AKIDFAKECLOUDFRONT";
    public const string SecretKey = "fake/secret/key/for+the+loopback+cloudfront";
    public const string DistributionId = "E2FAKEDISTRIB";
    public const string Region = "us-east-1";
    public const string Service = "cloudfront";
    public static readonly XNamespace Xmlns = "http://cloudfront.amazonaws.com/doc/2020-05-31/";

    public sealed record Call(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, IReadOnlyList<string> Paths, IReadOnlyList<string> Problems);

    private sealed record Stored(string Id, DateTime CreateTime, IReadOnlyList<string> Paths, string CallerReference);

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Stored> _invalidations = new();
    private readonly ConcurrentDictionary<string, byte> _callerReferences = new();
    private int _sequence;

    public FakeCloudFront()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    public FakeAnswer Answer { get; set; } = FakeAnswer.Normally;

    public ConcurrentQueue<Call> Calls { get; } = new();

    public Uri Endpoint { get; private set; } = null!;

    public async Task StartAsync()
    {
        await _app.StartAsync();
        Endpoint = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var headers = http.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
        var request = new TestSigV4.Request(http.Request.Method, http.Request.Path.Value!, http.Request.QueryString.Value ?? "", headers, body);
        var problems = TestSigV4.Verify(request, AccessKey, SecretKey, Region, Service, DateTimeOffset.UtcNow).ToList();
        var text = System.Text.Encoding.UTF8.GetString(body);
        var segments = http.Request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries);
        // 2020-05-31 / distribution / {id} / invalidation [/ {invalidationId}]
        var isInvalidations = segments is ["2020-05-31", "distribution", DistributionId, "invalidation", ..] && segments.Length <= 5;
        IReadOnlyList<string> paths = [];
        string? callerReference = null;
        if (isInvalidations && HttpMethods.IsPost(http.Request.Method) && segments.Length == 4)
        {
            (paths, callerReference) = ReadBatch(text, problems);
        }
        else if (!(isInvalidations && HttpMethods.IsGet(http.Request.Method) && segments.Length == 5))
        {
            problems.Add($"no such operation: {http.Request.Method} {http.Request.Path}");
        }
        Calls.Enqueue(new Call(http.Request.Method, http.Request.Path.Value!, headers, text, paths, problems));

        if (problems.Count > 0)
        {
            await ErrorAsync(http, StatusCodes.Status403Forbidden, "SignatureDoesNotMatch", string.Join("; ", problems));
            return;
        }
        switch (Answer)
        {
            case FakeAnswer.ServerError:
                await ErrorAsync(http, StatusCodes.Status500InternalServerError, "InternalError", "We encountered an internal error. Please try again.");
                return;
            case FakeAnswer.Throttling:
                await ErrorAsync(http, StatusCodes.Status400BadRequest, "Throttling", "Rate exceeded");
                return;
            case FakeAnswer.TooManyInvalidationsInProgress:
                await ErrorAsync(http, StatusCodes.Status400BadRequest, "TooManyInvalidationsInProgress", "Processing your request would cause the maximum number of concurrent invalidations to be exceeded.");
                return;
            case FakeAnswer.Hangs:
                await Task.Delay(TimeSpan.FromSeconds(30), http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
        }
        if (segments.Length == 4)
        {
            var stored = new Stored($"I{Interlocked.Increment(ref _sequence):D4}FAKE{Random.Shared.Next(100000, 999999)}", DateTime.UtcNow, paths, callerReference!);
            _invalidations[stored.Id] = stored;
            http.Response.StatusCode = StatusCodes.Status201Created;
            http.Response.Headers.Location = $"{Endpoint.ToString().TrimEnd('/')}{http.Request.Path}/{stored.Id}";
            await WriteAsync(http, Invalidation(stored, "InProgress"));
        }
        else if (_invalidations.TryGetValue(segments[4], out var found))
        {
            await WriteAsync(http, Invalidation(found, "Completed"));
        }
        else
        {
            await ErrorAsync(http, StatusCodes.Status404NotFound, "NoSuchInvalidation", "The specified invalidation does not exist.");
        }
    }

    /// <summary>The <c>InvalidationBatch</c> as the API reference defines it: Paths (Quantity, Items/Path) and a unique CallerReference.</summary>
    private (IReadOnlyList<string> Paths, string? CallerReference) ReadBatch(string text, List<string> problems)
    {
        try
        {
            var root = XDocument.Parse(text).Root!;
            if (root.Name != Xmlns + "InvalidationBatch")
            {
                problems.Add($"root element {root.Name}, expected InvalidationBatch in {Xmlns}");
            }
            var pathsElement = root.Element(Xmlns + "Paths");
            var paths = pathsElement?.Element(Xmlns + "Items")?.Elements(Xmlns + "Path").Select(p => p.Value).ToList() ?? [];
            if (!int.TryParse(pathsElement?.Element(Xmlns + "Quantity")?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var quantity) || quantity != paths.Count || quantity == 0)
            {
                problems.Add($"Quantity {pathsElement?.Element(Xmlns + "Quantity")?.Value} for {paths.Count} paths");
            }
            foreach (var path in paths.Where(p => !p.StartsWith('/') || p.IndexOf('*', StringComparison.Ordinal) is var star && star >= 0 && star != p.Length - 1))
            {
                problems.Add($"path {path}: must start with / and may only end with *");
            }
            var reference = root.Element(Xmlns + "CallerReference")?.Value;
            if (string.IsNullOrEmpty(reference) || !_callerReferences.TryAdd(reference, 0))
            {
                problems.Add($"CallerReference '{reference}' missing or reused");
            }
            return (paths, reference);
        }
        catch (System.Xml.XmlException e)
        {
            problems.Add("body is not XML: " + e.Message);
            return ([], null);
        }
    }

    private static XElement Invalidation(Stored stored, string status) =>
        new(Xmlns + "Invalidation",
            new XElement(Xmlns + "Id", stored.Id),
            new XElement(Xmlns + "Status", status),
            new XElement(Xmlns + "CreateTime", stored.CreateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)),
            new XElement(Xmlns + "InvalidationBatch",
                new XElement(Xmlns + "Paths",
                    new XElement(Xmlns + "Quantity", stored.Paths.Count),
                    new XElement(Xmlns + "Items", stored.Paths.Select(p => new XElement(Xmlns + "Path", p)))),
                new XElement(Xmlns + "CallerReference", stored.CallerReference)));

    private static Task ErrorAsync(HttpContext http, int status, string code, string message)
    {
        http.Response.StatusCode = status;
        return WriteAsync(http, new XElement(Xmlns + "ErrorResponse",
            new XElement(Xmlns + "Error", new XElement(Xmlns + "Type", status >= 500 ? "Receiver" : "Sender"), new XElement(Xmlns + "Code", code), new XElement(Xmlns + "Message", message)),
            new XElement(Xmlns + "RequestId", Guid.NewGuid())));
    }

    private static Task WriteAsync(HttpContext http, XElement element)
    {
        http.Response.ContentType = "text/xml";
        return http.Response.WriteAsync("<?xml version=\"1.0\"?>" + element.ToString(SaveOptions.DisableFormatting));
    }
}
