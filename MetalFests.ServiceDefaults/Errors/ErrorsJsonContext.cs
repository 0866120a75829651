using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MetalFests.ServiceDefaults.Errors;

// Details values are typed as object: every runtime type they take is listed here.
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ErrorEnvelope))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(List<Dictionary<string, string>>))]
[JsonSerializable(typeof(Dictionary<string, object>))]
[JsonSerializable(typeof(FieldError[]))]
public sealed partial class ErrorsJsonContext : JsonSerializerContext
{
    /// <summary>Messages quote keys ('hellfest'): write them as typed, not as \u0027.</summary>
    public static JsonSerializerOptions Relaxed { get; } = new(JsonSerializerDefaults.Web) { TypeInfoResolver = Default, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
