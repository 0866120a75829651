using MetalFests.Tests.Client.Generated;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace MetalFests.Tests.Client;

/// <summary>The generated client pointed at a running gateway, with Kiota's default handlers (headers inspection among them).</summary>
public static class GeneratedClient
{
    /// <remarks>Kiota's API-key provider insists on https; the local gateway is http, so writes add <c>X-Api-Key</c> per request.</remarks>
    public static MetalFestsClient For(HttpClient gateway)
    {
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: KiotaClientFactory.Create())
        {
            BaseUrl = gateway.BaseAddress!.ToString().TrimEnd('/'),
        };
        return new MetalFestsClient(adapter);
    }
}
