using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using MetalFests.Storage.Model;

namespace MetalFests.Api.Writes;

/// <summary>
/// An entity as its <c>PUT</c> body writes it: what a merge patch is applied to. Counts the table keeps
/// (<c>bandCount</c>, <c>bandMemberCount</c>) and what an edition's path names are not part of a body, so they are left out.
/// </summary>
public static class PatchTargets
{
    public static JsonObject Of(Band band) => Node(band, PatchJsonContext.Default.Band);

    public static JsonObject Of(Genre genre) => Without(Node(genre, PatchJsonContext.Default.Genre), "bandCount");

    public static JsonObject Of(Role role) => Without(Node(role, PatchJsonContext.Default.Role), "bandMemberCount");

    public static JsonObject Of(Festival festival) => Node(festival, PatchJsonContext.Default.Festival);

    /// <summary>An edition's body: the festival and the year are the path's, the festival's name the table's.</summary>
    public static JsonObject Of(Edition edition) =>
        Without(Node(edition, PatchJsonContext.Default.Edition), "festivalKey", "festivalName", "year");

    private static JsonObject Node<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        JsonSerializer.SerializeToNode(value, type)!.AsObject();

    private static JsonObject Without(JsonObject node, params string[] computed)
    {
        foreach (var name in computed)
        {
            node.Remove(name);
        }
        return node;
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Band))]
[JsonSerializable(typeof(Genre))]
[JsonSerializable(typeof(Role))]
[JsonSerializable(typeof(Festival))]
[JsonSerializable(typeof(Edition))]
internal sealed partial class PatchJsonContext : JsonSerializerContext;
