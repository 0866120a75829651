using System.Text.Json;
using System.Text.Json.Serialization;
using MetalFests.FestivalsService.Editions;
using MetalFests.FestivalsService.Festivals;

namespace MetalFests.FestivalsService;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(FestivalList))]
[JsonSerializable(typeof(FestivalPage))]
[JsonSerializable(typeof(FestivalDetailResponse))]
[JsonSerializable(typeof(EditionList))]
[JsonSerializable(typeof(MetalFests.FestivalsService.Feeds.FestivalFeatureCollection))]
[JsonSerializable(typeof(EditionResponse))]
[JsonSerializable(typeof(MetalFests.Api.Writes.FestivalWriteResponse))]
[JsonSerializable(typeof(MetalFests.Api.Writes.FestivalForEditing))]
[JsonSerializable(typeof(MetalFests.Api.Writes.EditionWriteResponse))]
[JsonSerializable(typeof(MetalFests.Storage.Stores.TableStats))]
[JsonSerializable(typeof(MetalFests.Storage.Stores.AuditPage))]
[JsonSerializable(typeof(MetalFests.FestivalsService.Admin.AdminHealth))]
internal sealed partial class FestivalsJsonContext : JsonSerializerContext;
