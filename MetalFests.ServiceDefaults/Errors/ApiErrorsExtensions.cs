using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Microsoft.AspNetCore.Builder;

using MetalFests.ServiceDefaults.Errors;

/// <summary>
/// Turns everything that is not a success into the seed's envelope: thrown exceptions (500, or 503
/// when a dependency cannot be reached), framework rejections (bad body, oversize body) and bodiless
/// 404/405 answers from routing. Never a stack trace, never an empty body.
/// </summary>
public static class ApiErrorsExtensions
{
    public static IServiceCollection AddApiErrors(this IServiceCollection services)
    {
        services.AddExceptionHandler<EnvelopeExceptionHandler>();
        return services;
    }

    public static WebApplication UseApiErrors(this WebApplication app) => app.UseApiExceptionHandler().UseApiStatusCodePages();

    /// <summary>Thrown exceptions and framework rejections in the envelope (the first half of <see cref="UseApiErrors"/>).</summary>
    public static WebApplication UseApiExceptionHandler(this WebApplication app)
    {
        app.UseExceptionHandler(_ => { });
        return app;
    }

    /// <summary>
    /// Bodiless error answers in the envelope (the second half of <see cref="UseApiErrors"/>). It costs every request
    /// passing it a feature and an items dictionary, so the gateway places it after its cache hits, which always have a body.
    /// </summary>
    public static WebApplication UseApiStatusCodePages(this WebApplication app)
    {
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            var error = http.Response.StatusCode switch
            {
                StatusCodes.Status404NotFound => ApiError.RouteNotFound(http.Request.Path),
                StatusCodes.Status405MethodNotAllowed => ApiError.MethodNotAllowed(http.Request.Method, http.Request.Path),
                StatusCodes.Status413PayloadTooLarge => ApiError.PayloadTooLarge(),
                StatusCodes.Status400BadRequest => ApiError.Malformed,
                // What a proxy answers when the service behind it is down or too slow.
                StatusCodes.Status502BadGateway or StatusCodes.Status503ServiceUnavailable or StatusCodes.Status504GatewayTimeout => ApiError.ServiceUnavailable,
                _ => null,
            };
            if (error is not null)
            {
                await error.ToResult(http).ExecuteAsync(http);
            }
        });
        return app;
    }

    /// <summary>
    /// Whether an exception means a dependency (DynamoDB, a service) could not be reached, or is not ready:
    /// network failures and timeouts, and what <see cref="UnavailableDependencies"/> adds (a library's own signs).
    /// </summary>
    public static bool IsUnavailable(Exception exception, UnavailableDependencies? more = null)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException or SocketException or TimeoutException || more?.Signs.Any(sign => sign(e)) == true)
            {
                return true;
            }
        }
        return false;
    }

    private sealed class EnvelopeExceptionHandler(
        ILogger<EnvelopeExceptionHandler> logger,
        IEnumerable<IApiErrorMapper> mappers,
        Microsoft.Extensions.Options.IOptions<UnavailableDependencies> unavailable) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
        {
            var error = mappers.Select(m => m.Map(exception)).FirstOrDefault(e => e is not null) ?? exception switch
            {
                BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => ApiError.PayloadTooLarge(),
                BadHttpRequestException bad => ApiError.BadRequest(bad.Message),
                _ when IsUnavailable(exception, unavailable.Value) => ApiError.ServiceUnavailable,
                _ => ApiError.Internal,
            };
            if (error.Status >= StatusCodes.Status500InternalServerError)
            {
                logger.LogError(exception, "Request failed with {Code}", error.Code);
            }
            await error.ToResult(context).ExecuteAsync(context);
            return true;
        }
    }
}
