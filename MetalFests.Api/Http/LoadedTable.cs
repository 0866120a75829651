using MetalFests.ServiceDefaults.Errors;
using MetalFests.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// The API answers only from a loaded table (<see cref="TableReadiness"/>): until the migrator has loaded it, every
/// request under <c>/api</c> — read or write — is a 503 in the envelope with <c>Retry-After</c>, as for an outage. A read
/// would otherwise answer 404 for what is not loaded yet (and the edge would keep that 404), and a write would land in a
/// table the load then runs over. The process stays up (alive), only not ready.
/// </summary>
public static class LoadedTable
{
    public const string NotLoadedMessage = "The data is being loaded; retry later";

    private static readonly PathString Api = MetalFests.Api.Versioning.ApiVersions.ApiRoot;

    /// <summary>After <c>UseApiErrors</c>: what the requests below it meet is put in the envelope by it.</summary>
    public static WebApplication UseLoadedTable(this WebApplication app)
    {
        var readiness = app.Services.GetRequiredService<TableReadiness>();
        var unavailable = app.Services.GetRequiredService<IOptions<UnavailableDependencies>>().Value;
        app.Use(async (http, next) =>
        {
            if (!http.Request.Path.StartsWithSegments(Api))
            {
                await next(http);
                return;
            }
            try
            {
                if (!await readiness.IsLoadedAsync(http.RequestAborted))
                {
                    await ApiError.Unavailable(NotLoadedMessage, OutageRetry.After).ToResult(http).ExecuteAsync(http);
                    return;
                }
                await next(http);
            }
            catch (Exception e) when (ApiErrorsExtensions.IsUnavailable(e, unavailable))
            {
                // The database went away (stopped, restarted, the table missing): whether it is loaded is asked again.
                readiness.Forget();
                throw;
            }
            if (http.Response.StatusCode == StatusCodes.Status503ServiceUnavailable)
            {
                readiness.Forget();
            }
        });
        return app;
    }
}
