using Microsoft.AspNetCore.Http;

namespace MetalFests.ServiceDefaults.Caching;

/// <summary>
/// Labels for precise cache eviction. A service marks each GET response with the entities it shows and
/// each write response with the entities it changed, in the <see cref="Header"/> header (space-separated,
/// as CDNs do); the gateway stores them with the cached response, evicts by them after a write, and never
/// passes the header on to clients.
/// </summary>
public static class SurrogateKeys
{
    public const string Header = "Surrogate-Key";

    /// <summary>On a write response: the id under which the gateway records the eviction it performs (stripped too).</summary>
    public const string InvalidationIdHeader = "Surrogate-Invalidation-Id";

    // Every list of a kind of entity carries its kind's list label.
    public const string FestivalLists = "festivals";
    public const string BandLists = "bands";
    public const string GenreLists = "genres";
    public const string RoleLists = "roles";

    public static string Festival(string key) => "festival:" + key;
    public static string Band(string key) => "band:" + key;
    public static string Genre(string key) => "genre:" + key;
    public static string Role(string key) => "role:" + key;

    /// <summary>Adds labels to the response (any number of calls; duplicates are harmless).</summary>
    public static void Label(HttpContext context, params IEnumerable<string> labels)
    {
        var headers = context.Response.Headers;
        var existing = headers[Header].ToString();
        var joined = string.Join(' ', labels);
        headers[Header] = existing.Length == 0 ? joined : existing + " " + joined;
    }

    public static IReadOnlyCollection<string> Parse(string? header) =>
        header is null ? [] : header.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
}
