using System.Text.Json;
using System.Text.Json.Serialization;
using MetalFests.Gateway.Invalidation;

namespace MetalFests.Gateway;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(InvalidationRequest))]
[JsonSerializable(typeof(InvalidationResponse))]
[JsonSerializable(typeof(InvalidationStatus))]
internal sealed partial class GatewayJsonContext : JsonSerializerContext;
