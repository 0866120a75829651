using System.Text.Json;

namespace MetalFests.Tests.PublicApi;

/// <summary>
/// A JSON object's exact property names and the value kinds each may take: the seed's response
/// shapes, written once and asserted field by field.
/// </summary>
internal sealed class Shape(string name, params (string Property, JsonValueKind[] Kinds)[] properties)
{
    public static readonly JsonValueKind[] String = [JsonValueKind.String];
    public static readonly JsonValueKind[] StringOrNull = [JsonValueKind.String, JsonValueKind.Null];
    public static readonly JsonValueKind[] Number = [JsonValueKind.Number];
    public static readonly JsonValueKind[] Object = [JsonValueKind.Object];
    public static readonly JsonValueKind[] Array = [JsonValueKind.Array];
    public static readonly JsonValueKind[] Boolean = [JsonValueKind.True, JsonValueKind.False];

    public string Name { get; } = name;

    public IReadOnlyList<string> Properties { get; } = [.. properties.Select(p => p.Property).Order(StringComparer.Ordinal)];

    /// <summary>Exactly these properties (no more, no fewer), each of an allowed kind.</summary>
    public void Assert(JsonElement element)
    {
        Xunit.Assert.True(element.ValueKind == JsonValueKind.Object, $"{Name} is {element.ValueKind}, not an object: {element}");
        Xunit.Assert.Equal(Properties, element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        foreach (var (property, kinds) in properties)
        {
            var kind = element.GetProperty(property).ValueKind;
            Xunit.Assert.True(kinds.Contains(kind), $"{Name}.{property} is {kind}, expected {string.Join(" or ", kinds)}: {element}");
        }
    }

    /// <summary>An array whose every item is a <see cref="JsonValueKind"/> of <paramref name="kinds"/>.</summary>
    public static void AssertArrayOf(JsonElement array, JsonValueKind[] kinds, string what)
    {
        Xunit.Assert.Equal(JsonValueKind.Array, array.ValueKind);
        Xunit.Assert.All(array.EnumerateArray(), item => Xunit.Assert.True(kinds.Contains(item.ValueKind), $"an item of {what} is {item.ValueKind}"));
    }

    // The seed's shapes ("API Specifications"), and those the brief adds for the endpoints the seed does not detail.

    public static readonly Shape Coordinates = new("coordinates", ("lat", Number), ("lng", Number));
    public static readonly Shape Dates = new("dates", ("start", String), ("end", String));

    public static readonly Shape FestivalRow = new("festival row",
        ("festivalKey", String), ("festivalName", String), ("location", String), ("coordinates", Object),
        ("website", StringOrNull), ("poster", StringOrNull), ("latestEdition", Object), ("editions", Array), ("totalEditions", Number));

    public static readonly Shape LatestEdition = new("latestEdition",
        ("year", Number), ("dates", Object), ("bandCount", Number), ("ticketPrice", Number), ("currency", String));

    public static readonly Shape Festival = new("festival",
        ("key", String), ("name", String), ("location", String), ("coordinates", Object), ("website", StringOrNull), ("poster", StringOrNull), ("description", StringOrNull));

    public static readonly Shape EditionInFestival = new("edition",
        ("year", Number), ("dates", Object), ("bands", Array), ("ticketPrice", Number), ("currency", String), ("status", String));

    public static readonly Shape Edition = new("edition",
        ("festivalKey", String), ("festivalName", String), ("year", Number), ("dates", Object), ("bands", Array), ("ticketPrice", Number), ("currency", String), ("status", String));

    public static readonly Shape LineupBand = new("line-up band", ("key", String), ("name", String), ("size", Number));

    public static readonly Shape BandRow = new("band row",
        ("key", String), ("name", String), ("country", StringOrNull), ("genreKeys", Array), ("genreNames", Array), ("logo", StringOrNull), ("reviewed", Boolean), ("festivalCount", Number));

    public static readonly Shape Band = new("band",
        ("key", String), ("name", String), ("country", StringOrNull), ("description", StringOrNull), ("logo", StringOrNull), ("headlineImage", StringOrNull),
        ("website", StringOrNull), ("spotify", StringOrNull), ("genreKeys", Array), ("members", Array), ("reviewed", Boolean));

    public static readonly Shape Member = new("member", ("name", String), ("roleKeys", Array));
    public static readonly Shape BandGenre = new("band genre", ("key", String), ("name", String), ("description", StringOrNull));
    public static readonly Shape BandRole = new("band role", ("key", String), ("name", String), ("category", String));

    public static readonly Shape Appearance = new("band festival",
        ("festivalKey", String), ("festivalName", String), ("location", String), ("year", Number), ("dates", Object), ("size", Number));

    public static readonly Shape GenreRow = new("genre row", ("key", String), ("name", String), ("bandCount", Number));
    public static readonly Shape Genre = new("genre", ("key", String), ("name", String), ("description", StringOrNull), ("bandCount", Number));
    public static readonly Shape GenreBand = new("genre band", ("key", String), ("name", String), ("country", StringOrNull), ("reviewed", Boolean));

    public static readonly Shape RoleRow = new("role row", ("key", String), ("name", String), ("category", String), ("bandMemberCount", Number));
    public static readonly Shape Role = new("role", ("key", String), ("name", String), ("category", String), ("description", StringOrNull), ("bandMemberCount", Number));
    public static readonly Shape RoleMember = new("role member", ("name", String), ("bandKey", String), ("bandName", String));

    /// <summary>The paging fields every paginated list adds to its rows.</summary>
    public static Shape Page(string rows, params (string Property, JsonValueKind[] Kinds)[] more) =>
        new($"{rows} page", [(rows, Array), ("count", Number), ("total", Number), ("limit", Number), ("offset", Number), .. more]);
}
