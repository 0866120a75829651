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
[JsonSerializable(typeof(EditionResponse))]
internal sealed partial class FestivalsJsonContext : JsonSerializerContext;
