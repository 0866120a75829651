using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.PublicApi;

/// <summary>
/// <c>GET /api/festivals/upcoming</c> on the pinned today (2026-06-20): the festivals whose latest
/// edition has not ended (end ≥ today), earliest start first, then by key.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class UpcomingFestivalsTests(AppFixture fixture)
{
    [Fact]
    public async Task Upcoming_are_the_festivals_not_ended_on_the_pinned_today_earliest_start_first()
    {
        var body = await fixture.Gateway.GetOkAsync("/api/festivals/upcoming?limit=100");

        Assert.Equal(new DateOnly(2026, 6, 20), Expected.Today);
        Assert.Equal(23, Expected.UpcomingKeys.Count);
        Assert.Equal(Expected.UpcomingKeys, body.Rows("festivals").Select(r => r.Str("festivalKey")));
        Assert.Equal(Expected.UpcomingKeys.Count, body.Int("total"));
        Assert.Equal(Expected.UpcomingKeys.Count, body.Int("count"));
    }

    [Fact]
    public async Task A_festival_still_running_on_today_is_upcoming_and_one_ended_before_is_not()
    {
        var keys = (await fixture.Gateway.GetOkAsync("/api/festivals/upcoming?limit=100")).Rows("festivals").Select(r => r.Str("festivalKey")).ToList();

        // Hellfest and Graspop run 2026-06-18 to 06-21, across today; both start the list (same start, by key).
        Assert.Equal(["graspop-metal-meeting", "hellfest"], keys.Take(2));
        // Nova Rock ended on 2026-06-14, Inferno in April.
        Assert.DoesNotContain("nova-rock-festival", keys);
        Assert.DoesNotContain("inferno-metal-festival-2026", keys);
    }

    [Fact]
    public async Task Upcoming_page_has_the_festival_rows_and_the_paging_fields()
    {
        var body = await fixture.Gateway.GetOkAsync("/api/festivals/upcoming");

        Shape.Page("festivals").Assert(body);
        Assert.All(body.Rows("festivals"), row =>
        {
            Shape.FestivalRow.Assert(row);
            Shape.LatestEdition.Assert(row.GetProperty("latestEdition"));
        });
        Assert.Equal(50, body.Int("limit"));
        Assert.Equal(0, body.Int("offset"));
    }

    [Fact]
    public async Task Upcoming_rows_are_the_same_rows_as_the_festival_list()
    {
        var list = (await fixture.Gateway.GetOkAsync("/api/festivals")).Rows("festivals").ToDictionary(r => r.Str("festivalKey"), r => r.GetRawText());
        var upcoming = (await fixture.Gateway.GetOkAsync("/api/festivals/upcoming?limit=100")).Rows("festivals");

        Assert.All(upcoming, row => Assert.Equal(list[row.Str("festivalKey")], row.GetRawText()));
    }

    [Fact]
    public async Task Every_upcoming_latest_edition_ends_on_or_after_today()
    {
        var rows = (await fixture.Gateway.GetOkAsync("/api/festivals/upcoming?limit=100")).Rows("festivals");

        Assert.All(rows, row => Assert.True(row.GetProperty("latestEdition").GetProperty("dates").Date("end") >= Expected.Today, row.Str("festivalKey")));
        var starts = rows.Select(r => r.GetProperty("latestEdition").GetProperty("dates").Date("start")).ToList();
        Assert.Equal(starts.Order(), starts);
    }
}
