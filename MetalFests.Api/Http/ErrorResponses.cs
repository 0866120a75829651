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

    private static readonly int[] WriteStatuses =
    [
        StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed,
        StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity,
    ];

    /// <summary>Documents the error envelope for the statuses a write endpoint can answer with (a read's, and the write side's own).</summary>
    public static TBuilder ProducesWriteErrors<TBuilder>(this TBuilder endpoints) where TBuilder : IEndpointConventionBuilder =>
        endpoints.ProducesErrors().WithMetadata([.. WriteStatuses.Select(status => (IProducesResponseTypeMetadata)new ProducesResponseTypeMetadata(status, typeof(ErrorEnvelope), ["application/json"]))]);

    /// <summary>Documents the error envelope for the statuses a public read endpoint can answer with.</summary>
    public static TBuilder ProducesErrors<TBuilder>(this TBuilder endpoints) where TBuilder : IEndpointConventionBuilder =>
        endpoints.WithMetadata([.. Statuses.Select(status => (IProducesResponseTypeMetadata)new ProducesResponseTypeMetadata(status, typeof(ErrorEnvelope), ["application/json"]))]);
}
