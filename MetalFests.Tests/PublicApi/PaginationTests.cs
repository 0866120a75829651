using System.Text.Json;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.PublicApi;

/// <summary>
/// <c>limit</c>/<c>offset</c> of every paginated list: the seed's defaults and maxima (upcoming 50/100,
/// bands 100/500), pages that join into the whole list, and the edges.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class PaginationTests(AppFixture fixture)
{
    /// <summary>A paginated list: its path, the property holding its rows, its default and maximum limit.</summary>
    public sealed record PagedList(string Path, string Rows, int DefaultLimit, int MaxLimit);

    private static readonly Dictionary<string, PagedList> ByPath = new PagedList[]
    {
        new("/api/festivals/upcoming", "festivals", 50, 100),
        new("/api/bands", "bands", 100, 500),
        new("/api/bands/reviewed", "bands", 100, 500),
        new("/api/bands/unreviewed", "bands", 100, 500),
        new("/api/genres/alternative-rock/bands", "bands", 100, 500),
        new("/api/roles/vocals/members", "members", 100, 500),
    }.ToDictionary(l => l.Path);

    public static TheoryData<string> Lists => [.. ByPath.Keys];

    private static string With(string path, string query) => $"{path}?{query}";

    /// <summary>
    /// The key of a festival or band row; null for a role member, which has none (and db.json does list
    /// one person twice in a band with the same role: "gods", Kevin Martin, vocals).
    /// </summary>
    private static string? Id(JsonElement row) =>
        row.TryGetProperty("festivalKey", out var festival) ? festival.GetString()
        : row.TryGetProperty("key", out var key) ? key.GetString()
        : null;

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Without_limit_and_offset_a_page_is_the_first_default_limit_rows(string path)
    {
        var (_, rows, defaultLimit, _) = ByPath[path];
        var page = await fixture.Gateway.GetOkAsync(path);

        var total = page.Int("total");
        Assert.Equal(defaultLimit, page.Int("limit"));
        Assert.Equal(0, page.Int("offset"));
        Assert.Equal(Math.Min(defaultLimit, total), page.Rows(rows).Count);
        Assert.Equal(page.Rows(rows).Count, page.Int("count"));
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Limit_1_gives_one_row_the_first_of_the_list(string path)
    {
        var rows = ByPath[path].Rows;
        var first = await fixture.Gateway.GetOkAsync(path);

        var page = await fixture.Gateway.GetOkAsync(With(path, "limit=1"));

        var row = Assert.Single(page.Rows(rows));
        Assert.Equal(first.Rows(rows)[0].GetRawText(), row.GetRawText());
        Assert.Equal(1, page.Int("limit"));
        Assert.Equal(1, page.Int("count"));
        Assert.Equal(first.Int("total"), page.Int("total"));
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Limit_at_the_maximum_is_accepted(string path)
    {
        var (_, rows, _, max) = ByPath[path];
        var page = await fixture.Gateway.GetOkAsync(With(path, $"limit={max}"));

        Assert.Equal(max, page.Int("limit"));
        Assert.Equal(Math.Min(max, page.Int("total")), page.Rows(rows).Count);
        Assert.Equal(page.Rows(rows).Count, page.Int("count"));
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Limit_above_the_maximum_is_a_validation_error_naming_limit(string path)
    {
        var max = ByPath[path].MaxLimit;
        await fixture.Gateway.GetValidationErrorAsync(With(path, $"limit={max + 1}"), "limit");
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Limit_0_is_a_validation_error_naming_limit(string path)
    {
        await fixture.Gateway.GetValidationErrorAsync(With(path, "limit=0"), "limit");
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task A_negative_offset_is_a_validation_error_naming_offset(string path)
    {
        await fixture.Gateway.GetValidationErrorAsync(With(path, "offset=-1"), "offset");
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task An_offset_at_or_beyond_the_total_gives_an_empty_page_with_the_total(string path)
    {
        var (_, rows, defaultLimit, _) = ByPath[path];
        var total = (await fixture.Gateway.GetOkAsync(path)).Int("total");

        foreach (var offset in new[] { total, 1_000_000 })
        {
            var page = await fixture.Gateway.GetOkAsync(With(path, $"offset={offset}"));
            Assert.Empty(page.Rows(rows));
            Assert.Equal(0, page.Int("count"));
            Assert.Equal(total, page.Int("total"));
            Assert.Equal(offset, page.Int("offset"));
            Assert.Equal(defaultLimit, page.Int("limit"));
        }
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task The_last_page_holds_the_remaining_rows(string path)
    {
        var rows = ByPath[path].Rows;
        var total = (await fixture.Gateway.GetOkAsync(path)).Int("total");
        Assert.True(total > 3, $"{path} has only {total} rows");

        var page = await fixture.Gateway.GetOkAsync(With(path, $"offset={total - 3}&limit=5"));

        Assert.Equal(3, page.Rows(rows).Count);
        Assert.Equal(3, page.Int("count"));
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Pages_concatenate_to_the_whole_list_without_duplicates(string path)
    {
        var (_, rows, _, max) = ByPath[path];
        // The band lists (over 500 rows) cannot be read whole in one page: read in pages of the maximum, once per run.
        var whole = path.StartsWith("/api/bands", StringComparison.Ordinal)
            ? await fixture.Gateway.GetWholeBandListAsync(path)
            : await fixture.Gateway.GetAllPagesAsync(path, rows, max);
        // About five pages of an odd size, so that page boundaries fall anywhere.
        var size = Math.Min(max, Math.Max(1, (whole.Count / 5) | 1));

        var paged = await fixture.Gateway.GetAllPagesAsync(path, rows, size);

        Assert.Equal(whole.Count, paged.Count);
        Assert.Equal(whole.Select(r => r.GetRawText()), paged.Select(r => r.GetRawText()));
        if (paged.Select(Id).All(id => id is not null))
        {
            Assert.Equal(paged.Count, paged.Select(Id).Distinct().Count());
        }
    }

    [Theory]
    [InlineData("/api/festivals/upcoming", "festivals")]
    [InlineData("/api/bands", "bands")]
    [InlineData("/api/roles/vocals/members", "members")]
    public async Task An_offset_inside_the_list_starts_the_page_at_that_row(string path, string rows)
    {
        var first = (await fixture.Gateway.GetOkAsync(path)).Rows(rows);

        var page = await fixture.Gateway.GetOkAsync(With(path, "offset=3&limit=4"));

        Assert.Equal(first.Skip(3).Take(4).Select(r => r.GetRawText()), page.Rows(rows).Select(r => r.GetRawText()));
        Assert.Equal(3, page.Int("offset"));
    }
}
