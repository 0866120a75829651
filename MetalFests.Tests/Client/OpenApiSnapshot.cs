using System.Text.Json;
using System.Text.Json.Nodes;
using MetalFests.Tests.Browser;

namespace MetalFests.Tests.Client;

/// <summary>
/// The document the committed client was generated from (<c>MetalFests.Tests/Client/openapi.json</c>),
/// compared without <c>servers</c> (the address differs from run to run).
/// </summary>
public static class OpenApiSnapshot
{
    public static string FilePath { get; } = Path.Combine(Repository.Root, "MetalFests.Tests", "Client", "openapi.json");

    public const string RegenerateCommand = "tools/client/generate.sh";

    /// <summary>The document as committed: indented, without servers.</summary>
    public static string Normalize(string document)
    {
        var root = JsonNode.Parse(document)!.AsObject();
        root.Remove("servers");
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
