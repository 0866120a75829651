using System.Text.Json;
using System.Text.Json.Nodes;
using MetalFests.ServiceDefaults.Errors;

namespace MetalFests.Api.Writes;

/// <summary>
/// JSON Merge Patch (RFC 7396), what every <c>PATCH</c> takes: the patch's members replace the target's, a
/// member set to null removes it, objects merge member by member, anything else (arrays too) replaces whole.
/// A <c>PUT</c> replaces the whole entity; a <c>PATCH</c> changes only what it names.
/// </summary>
public static class MergePatch
{
    /// <summary>
    /// What makes a patch unusable before it is applied, at its path (<c>name</c>, <c>bands[0].key</c>): a member given
    /// twice (applying would silently keep the last, where a <c>PUT</c> body is refused for it), or a name or string that
    /// is not Unicode text (JSON can escape half a surrogate pair, "\ud800", which no string can hold).
    /// </summary>
    public static List<FieldError> Problems(JsonElement patch, string path = "")
    {
        var problems = new List<FieldError>();
        switch (patch.ValueKind)
        {
            case JsonValueKind.Object:
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var member in patch.EnumerateObject())
                {
                    if (TextOf(() => member.Name) is not { } name)
                    {
                        problems.Add(new FieldError(path.Length == 0 ? JsonBody.BodyField : path, "has a member name that is not valid Unicode text"));
                        continue;
                    }
                    var at = path.Length == 0 ? name : $"{path}.{name}";
                    if (!names.Add(name))
                    {
                        problems.Add(new FieldError(at, "appears more than once"));
                    }
                    problems.AddRange(Problems(member.Value, at));
                }
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in patch.EnumerateArray())
                {
                    problems.AddRange(Problems(item, $"{path}[{index++}]"));
                }
                break;
            case JsonValueKind.String when TextOf(patch.GetString) is null:
                problems.Add(new FieldError(path, "must be valid Unicode text"));
                break;
        }
        return problems;
    }

    private static string? TextOf(Func<string?> read)
    {
        try
        {
            return read();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

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
