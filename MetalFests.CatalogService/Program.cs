using MetalFests.ServiceDefaults.Security;
using MetalFests.CatalogService;
using MetalFests.CatalogService.Bands;
using MetalFests.CatalogService.Genres;
using MetalFests.CatalogService.Roles;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPublicApi(CatalogJsonContext.Default);

var app = builder.Build();
app.UseApiErrors();
app.UseLoadedTable();
app.UseApiKeys();
app.MapBandsApi();
app.MapGenresApi();
app.MapRolesApi();
app.MapBandsAdminApi();
app.MapGenresAdminApi();
app.MapRolesAdminApi();
app.MapPublicApiDocuments();
app.MapDefaultEndpoints();
app.Run();
