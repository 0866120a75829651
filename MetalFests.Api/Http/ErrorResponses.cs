using MetalFests.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace MetalFests.Api.Http;

public static class ErrorResponses
{
    private static readonly int[] Statuses =
    [
        StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status405MethodNotAllowed,
        StatusCodes.Status429TooManyRequests, StatusCodes.Status500InternalServerError, StatusCodes.Status503ServiceUnavailable,
    ];

    /// <summary>Documents the error envelope for the statuses a public read endpoint can answer with.</summary>
    public static TBuilder ProducesErrors<TBuilder>(this TBuilder endpoints) where TBuilder : IEndpointConventionBuilder =>
        endpoints.WithMetadata([.. Statuses.Select(status => (IProducesResponseTypeMetadata)new ProducesResponseTypeMetadata(status, typeof(ErrorEnvelope), ["application/json"]))]);
}
