using MetalFests.Gateway.Documentation;
using MetalFests.Gateway.Routing;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddReverseProxy()
    .LoadFromMemory(RouteTable.Routes, RouteTable.Clusters)
    .AddServiceDiscoveryDestinationResolver();

var app = builder.Build();
app.UseApiErrors();
app.MapReverseProxy();
app.MapApiDocuments();
app.MapUnknownApiPaths();
app.MapDefaultEndpoints();
app.Run();
