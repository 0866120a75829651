using MetalFests.ServiceDefaults.Security;
using MetalFests.Gateway.Documentation;
using MetalFests.Api.Invalidation;
using MetalFests.Gateway.Cors;
using MetalFests.Gateway.Routing;

var builder = WebApplication.CreateBuilder(args);
// The edge starts its own request spans (Tracing/RequestSpanMiddleware), after the cache's fast path.
builder.AddServiceDefaults(traceIncomingRequests: false);
builder.AddEdge();
builder.AddApiDocuments();
builder.Services.AddReverseProxy()
    .LoadFromMemory(RouteTable.Routes, RouteTable.Clusters)
    .AddServiceDiscoveryDestinationResolver();

var app = builder.Build();
app.UseApiExceptionHandler();
// The edge places the status code pages (the other half of UseApiErrors) after its cache hits.
app.UseEdge();
app.UseApiKeys();
app.UseWebsite();
// The owning service authorises what the gateway passes on (admin paths included): the edge itself admits it.
app.MapReverseProxy().AllowAnonymous();
app.MapInvalidationApi().RequireCors(CorsPolicies.Admin);
app.MapApiDocuments();
app.MapUnknownApiPaths();
app.MapDefaultEndpoints();
app.Run();
