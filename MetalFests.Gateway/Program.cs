using MetalFests.Gateway.Routing;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddReverseProxy()
    .LoadFromMemory(RouteTable.Routes, RouteTable.Clusters)
    .AddServiceDiscoveryDestinationResolver();

var app = builder.Build();
app.UseApiErrors();
app.MapReverseProxy();
app.MapUnknownApiPaths();
app.MapDefaultEndpoints();
app.Run();
