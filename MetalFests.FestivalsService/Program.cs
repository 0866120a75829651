using MetalFests.ServiceDefaults.Security;
using MetalFests.FestivalsService;
using MetalFests.FestivalsService.Admin;
using MetalFests.FestivalsService.Editions;
using MetalFests.FestivalsService.Feeds;
using MetalFests.FestivalsService.Festivals;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPublicApi(FestivalsJsonContext.Default);

var app = builder.Build();
app.UseApiErrors();
app.UseLoadedTable();
app.UseApiKeys();
app.MapFestivalsApi();
app.MapEditionsApi();
app.MapFeedsApi();
app.MapFestivalsAdminApi();
app.MapEditionsAdminApi();
app.MapAdminApi();
app.MapInvalidationApiWithoutGateway();
app.MapPublicApiDocuments();
app.MapDefaultEndpoints();
app.Run();
