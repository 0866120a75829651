using MetalFests.Api.Http;
using Microsoft.Extensions.Configuration;

namespace MetalFests.AppHost;

/// <summary>
/// A demo date: <c>Clock__Today=2026-06-20 dotnet run --project MetalFests.AppHost</c> pins "today" for the
/// service that answers <c>/api/festivals/upcoming</c> (every edition in the data is in 2026).
/// </summary>
public static class PinnedToday
{
    public static IResourceBuilder<ProjectResource> WithPinnedToday(this IResourceBuilder<ProjectResource> service, IConfiguration configuration) =>
        configuration[Today.ConfigurationKey] is { Length: > 0 } today
            ? service.WithEnvironment(Today.ConfigurationKey.Replace(":", "__", StringComparison.Ordinal), today)
            : service;
}
