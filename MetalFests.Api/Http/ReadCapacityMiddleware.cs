using MetalFests.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MetalFests.Api.Http;

/// <summary>
/// Counts the DynamoDB read capacity each request consumed, under its route
/// (<see cref="StorageTelemetry.ReadCapacityPerRequest"/>, <c>/internal/dynamodb-capacity</c>): first in the pipeline.
/// </summary>
public sealed class ReadCapacityStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (http, inner) =>
        {
            using var capacity = StorageTelemetry.BeginRequest(() => (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is { } route
                ? route.Length > 1 ? route.TrimEnd('/') : route
                : null);
            await inner(http);
        });
        next(app);
    };
}
