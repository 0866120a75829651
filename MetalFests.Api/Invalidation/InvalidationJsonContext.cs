using System.Text.Json;
using System.Text.Json.Serialization;

namespace MetalFests.Api.Invalidation;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(InvalidationRequest))]
[JsonSerializable(typeof(InvalidationResponse))]
[JsonSerializable(typeof(InvalidationStatus))]
public sealed partial class InvalidationJsonContext : JsonSerializerContext;
