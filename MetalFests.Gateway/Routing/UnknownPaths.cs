using MetalFests.ServiceDefaults.Errors;

namespace MetalFests.Gateway.Routing;

public static class UnknownPaths
{
    /// <summary>Any <c>/api/...</c> path no service owns: 404 in the envelope, for every method.</summary>
    public static IEndpointRouteBuilder MapUnknownApiPaths(this IEndpointRouteBuilder app)
    {
        app.Map("/api/{**rest}", (HttpContext context) => ApiError.RouteNotFound(context.Request.Path).ToResult(context))
            .WithOrder(int.MaxValue)
            .ExcludeFromDescription();
        // A service's diagnostics (ServicePaths.DynamoDbRequests, ...) answer on its own port only, never through the edge.
        app.Map("/internal/{**rest}", (HttpContext context) => ApiError.RouteNotFound(context.Request.Path).ToResult(context))
            .WithOrder(int.MaxValue)
            .ExcludeFromDescription();
        return app;
    }
}
