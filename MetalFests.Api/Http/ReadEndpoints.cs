using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MetalFests.Api.Http;

public static class ReadEndpoints
{
    private static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>A public read: GET, and HEAD with the same headers and no body (RFC 9110 §9.1).</summary>
    public static RouteHandlerBuilder MapRead(this IEndpointRouteBuilder endpoints, string pattern, Delegate handler) =>
        endpoints.MapMethods(pattern, Methods, handler);
}
