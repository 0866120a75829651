using System.Text.Json;

namespace MetalFests.Tests.Infrastructure;

/// <summary>The real db.json read plainly, so tests can recompute what the system should hold.</summary>
public sealed class RealData
{
    public static string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "data", "db.json");
    public static RealData Instance { get; } = new();

    private RealData()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path));
        Festivals = [.. document.RootElement.GetProperty("festivals").EnumerateArray().Select(f => f.Clone())];
        Bands = [.. document.RootElement.GetProperty("bands").EnumerateArray().Select(b => b.Clone())];
    }

    public IReadOnlyList<JsonElement> Festivals { get; }
    public IReadOnlyList<JsonElement> Bands { get; }

    public IReadOnlySet<string> BandKeys => Bands.Select(b => b.GetProperty("key").GetString()!).Where(k => k.Length > 0).ToHashSet();

    /// <summary>Distinct non-empty band keys of each festival's line-up.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Lineups => Festivals.ToDictionary(
        f => f.GetProperty("key").GetString()!,
        f => (IReadOnlySet<string>)f.GetProperty("bands").EnumerateArray().Select(b => b.GetProperty("key").GetString()!).Where(k => k.Length > 0).ToHashSet());
}
