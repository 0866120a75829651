using System.Text.Json;
using System.Text.Json.Serialization;
using MetalFests.Storage.Model;

namespace MetalFests.Storage;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Festival))]
[JsonSerializable(typeof(Edition))]
[JsonSerializable(typeof(FestivalSummary))]
[JsonSerializable(typeof(Appearance))]
[JsonSerializable(typeof(Band))]
[JsonSerializable(typeof(IReadOnlyList<BandGenre>))]
[JsonSerializable(typeof(IReadOnlyList<BandRole>))]
[JsonSerializable(typeof(BandSummary))]
[JsonSerializable(typeof(Genre))]
[JsonSerializable(typeof(GenreBand))]
[JsonSerializable(typeof(Role))]
[JsonSerializable(typeof(RoleMember))]
[JsonSerializable(typeof(KeyAlias))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
