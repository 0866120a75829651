namespace MetalFests.Tests.Infrastructure;

/// <summary>
/// A URL whose path the edge holds nothing for: its path evicted through the seed's invalidation API
/// (the edge ignores unknown query parameters, so a random one no longer makes a fresh entry).
/// </summary>
public static class ColdCache
{
    public const string InvalidatePath = "/api/admin/cache/invalidate";

    public static async Task<string> ColdAsync(this HttpClient gateway, string url)
    {
        using var response = await gateway.AdminPostAsync(InvalidatePath, new { paths = new[] { url.Split('?', 2)[0] }, reason = "test starts cold" });
        response.EnsureSuccessStatusCode();
        return url;
    }
}
