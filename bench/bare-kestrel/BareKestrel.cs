#:sdk Microsoft.NET.Sdk.Web
#:property PublishAot=false
// The edge benchmark's reference point: Kestrel alone answering every GET with one body held in
// memory — no routing table, limits, cache or telemetry. Usage: BareKestrel <body file> <port>
var body = File.ReadAllBytes(args[0]);
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
var app = builder.Build();
app.Run(async context =>
{
    context.Response.ContentType = "application/json";
    context.Response.ContentLength = body.Length;
    await context.Response.Body.WriteAsync(body);
});
app.Run($"http://127.0.0.1:{args[1]}");
