using System.Text.Json;
using System.Text.Json.Nodes;

namespace MetalFests.Api.Writes;

/// <summary>
/// JSON Merge Patch (RFC 7396), what every <c>PATCH</c> takes: the patch's members replace the target's, a
/// member set to null removes it, objects merge member by member, anything else (arrays too) replaces whole.
/// A <c>PUT</c> replaces the whole entity; a <c>PATCH</c> changes only what it names.
/// </summary>
public static class MergePatch
{
    /// <summary>The target with the patch applied (RFC 7396 §2); <paramref name="target"/> is not changed.</summary>
    public static JsonNode? Apply(JsonNode? target, JsonElement patch)
    {
        if (patch.ValueKind != JsonValueKind.Object)
        {
            return JsonNode.Parse(patch.GetRawText());
        }
        var result = target is JsonObject o ? (JsonObject)o.DeepClone() : [];
        foreach (var member in patch.EnumerateObject())
        {
            if (member.Value.ValueKind == JsonValueKind.Null)
            {
                result.Remove(member.Name);
            }
            else
            {
                result[member.Name] = Apply(result[member.Name], member.Value);
            }
        }
        return result;
    }
}
