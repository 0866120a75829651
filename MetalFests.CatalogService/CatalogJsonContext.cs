using System.Text.Json;
using System.Text.Json.Serialization;
using MetalFests.CatalogService.Bands;
using MetalFests.CatalogService.Genres;
using MetalFests.CatalogService.Roles;

namespace MetalFests.CatalogService;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(BandPage))]
[JsonSerializable(typeof(BandCursorPage))]
[JsonSerializable(typeof(BandDetailResponse))]
[JsonSerializable(typeof(BandFestivalsResponse))]
[JsonSerializable(typeof(GenreList))]
[JsonSerializable(typeof(GenreResponse))]
[JsonSerializable(typeof(GenreBandsPage))]
[JsonSerializable(typeof(RoleList))]
[JsonSerializable(typeof(RoleResponse))]
[JsonSerializable(typeof(RoleMembersPage))]
[JsonSerializable(typeof(MetalFests.Api.Writes.BandWriteResponse))]
[JsonSerializable(typeof(MetalFests.Api.Writes.GenreWriteResponse))]
[JsonSerializable(typeof(MetalFests.Api.Writes.RoleWriteResponse))]
[JsonSerializable(typeof(MetalFests.Api.Writes.BandRefsValidation))]
internal sealed partial class CatalogJsonContext : JsonSerializerContext;
