using System.Text.Json;

namespace MetalFests.Tests.Normalization;

/// <summary>The genre and role strings of <c>data/db.json</c>, every occurrence, in file order.</summary>
public static class RealDataset
{
    private static readonly Lazy<(List<string> Genres, List<string> Roles)> Strings = new(Load);

    public static IReadOnlyList<string> GenreStrings => Strings.Value.Genres;

    public static IReadOnlyList<string> RoleStrings => Strings.Value.Roles;

    private static (List<string>, List<string>) Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "db.json")));
        var genres = new List<string>();
        var roles = new List<string>();
        foreach (var band in document.RootElement.GetProperty("bands").EnumerateArray())
        {
            genres.AddRange(band.GetProperty("genres").EnumerateArray().Select(genre => genre.GetString()!));
            roles.AddRange(band.GetProperty("members").EnumerateArray().Select(member => member.GetProperty("role").GetString()!));
        }
        return (genres, roles);
    }
}
