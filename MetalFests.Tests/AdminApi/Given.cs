using System.Net;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.AdminApi;

/// <summary>
/// The entities a test creates for itself (admin key, unique keys). Names hold the key, so that the
/// public lists' <c>q=</c> finds exactly the test's own rows.
/// </summary>
internal static class Given
{
    public const int Year = 2030;

    public static string FestivalName(string key) => "Fest " + key;

    public static string BandName(string key) => "Band " + key;

    public static async Task<string> FestivalAsync(this HttpClient api)
    {
        var key = AdminRequests.UniqueKey("fest");
        await api.AdminPostAsync("/api/admin/festivals", AdminRequests.Festival(key, FestivalName(key))).ExpectAsync(HttpStatusCode.Created);
        return key;
    }

    public static async Task<string> BandAsync(this HttpClient api, string[]? genres = null, (string Name, string[] Roles)[]? members = null, bool reviewed = false)
    {
        var key = AdminRequests.UniqueKey("band");
        await api.AdminPostAsync("/api/admin/bands", AdminRequests.Band(key, BandName(key), genres, members, reviewed)).ExpectAsync(HttpStatusCode.Created);
        return key;
    }

    public static async Task<List<string>> BandsAsync(this HttpClient api, int count)
    {
        var bands = new List<string>();
        for (var i = 0; i < count; i++)
        {
            bands.Add(await api.BandAsync());
        }
        return bands;
    }

    public static async Task<string> GenreAsync(this HttpClient api)
    {
        var key = AdminRequests.UniqueKey("genre");
        await api.AdminPostAsync("/api/admin/genres", new { key, name = "Genre " + key }).ExpectAsync(HttpStatusCode.Created);
        return key;
    }

    public static async Task<string> RoleAsync(this HttpClient api, string category = "string")
    {
        var key = AdminRequests.UniqueKey("role");
        await api.AdminPostAsync("/api/admin/roles", new { key, name = "Role " + key, category }).ExpectAsync(HttpStatusCode.Created);
        return key;
    }

    /// <summary>Creates an edition of <paramref name="festival"/> with <paramref name="bands"/> on its line-up.</summary>
    public static Task<Answer> EditionAsync(this HttpClient api, string festival, int year, params IEnumerable<string> bands) =>
        api.AdminPutAsync(EditionPath(festival, year), AdminRequests.Edition(year, bands)).ExpectAsync(HttpStatusCode.Created);

    public static string EditionPath(string festival, int year = Year) => $"/api/festivals/{festival}/editions/{year}";

    /// <summary>The edge's <c>X-Cache</c> for a GET of <paramref name="url"/> (<c>Miss</c>, <c>Hit</c>).</summary>
    public static async Task<string> CacheStatusAsync(this HttpClient api, string url)
    {
        using var response = await api.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return string.Join(",", response.Headers.GetValues("X-Cache"));
    }
}

/// <summary>Bands, genres and roles alike ("band", "genre", "role"): how a test creates one, reads its page and replaces it.</summary>
internal static class CatalogEntity
{
    public static Task<string> CreateAsync(this HttpClient api, string kind) => kind switch
    {
        "band" => api.BandAsync(),
        "genre" => api.GenreAsync(),
        "role" => api.RoleAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>"Band", "Genre", "Role": the <c>resource</c> errors name.</summary>
    public static string Resource(string kind) => char.ToUpperInvariant(kind[0]) + kind[1..];

    public static string PagePath(string kind, string key) => $"/api/{kind}s/{key}";

    /// <summary>The seed's path for a band, the admin path for a genre or a role.</summary>
    public static string ReplacePath(string kind, string key) => kind == "band" ? $"/api/bands/{key}" : $"/api/admin/{kind}s/{key}";

    /// <summary>A whole replacement body that names the entity <paramref name="name"/> (the key comes from the path).</summary>
    public static object Replacement(string kind, string name, string category = "string") => kind switch
    {
        "band" => AdminRequests.Band(null, name),
        "genre" => new { name, description = "Replaced" },
        "role" => new { name, category },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static async Task<string?> NameAsync(this HttpClient api, string kind, string key) => (string?)(await api.FreshAsync(PagePath(kind, key)))[kind]!["name"];
}
