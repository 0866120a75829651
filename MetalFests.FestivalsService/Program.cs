var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddMetalFestsStorage();

var app = builder.Build();
app.UseApiErrors();
app.MapDefaultEndpoints();
app.Run();
