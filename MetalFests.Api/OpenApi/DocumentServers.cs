using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace MetalFests.Api.OpenApi;

/// <summary>
/// The document's <c>servers</c>: the configured public address (<see cref="ConfigurationKey"/>, set
/// when deployed) or else the address the document was read at — the gateway's, which forwards
/// <c>X-Forwarded-Proto</c>/<c>X-Forwarded-Host</c>, not the service's own. The request is the services'
/// <c>IHttpContextAccessor</c>'s; the gateway has none (its own document is merged for its paths only, into the
/// services' documents, which name the servers).
/// </summary>
public static class DocumentServers
{
    private const string Section = "OpenApi";
    private const string Setting = "ServerUrl";

    public const string ConfigurationKey = Section + ":" + Setting;

    /// <summary>The same setting as an environment variable (what the deployment sets on each function).</summary>
    public const string EnvironmentVariable = Section + "__" + Setting;

    public static Task FromRequest(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var configured = context.ApplicationServices.GetRequiredService<IConfiguration>()[ConfigurationKey];
        var request = context.ApplicationServices.GetService<IHttpContextAccessor>()?.HttpContext?.Request;
        var url = !string.IsNullOrWhiteSpace(configured) ? configured : request is null ? null : Of(request);
        document.Servers = url is null ? [] : [new OpenApiServer { Url = url.TrimEnd('/') }];
        return Task.CompletedTask;
    }

    /// <summary>The address a client used to reach this request, through the gateway or directly.</summary>
    public static string Of(HttpRequest request)
    {
        var scheme = First(request.Headers["X-Forwarded-Proto"]) ?? request.Scheme;
        var host = First(request.Headers["X-Forwarded-Host"]) ?? request.Host.Value;
        return $"{scheme}://{host}";
    }

    private static string? First(string? header) =>
        string.IsNullOrWhiteSpace(header) ? null : header.Split(',')[0].Trim();
}
