using System.Text.Json;
using System.Text.Json.Serialization;
using MetalFests.CatalogService.Bands;
using MetalFests.CatalogService.Genres;
using MetalFests.CatalogService.Roles;

namespace MetalFests.CatalogService;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(BandPage))]
[JsonSerializable(typeof(BandDetailResponse))]
[JsonSerializable(typeof(BandFestivalsResponse))]
[JsonSerializable(typeof(GenreList))]
[JsonSerializable(typeof(GenreResponse))]
[JsonSerializable(typeof(GenreBandsPage))]
[JsonSerializable(typeof(RoleList))]
[JsonSerializable(typeof(RoleResponse))]
[JsonSerializable(typeof(RoleMembersPage))]
internal sealed partial class CatalogJsonContext : JsonSerializerContext;
