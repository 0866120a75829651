using MetalFests.Tests.Infrastructure;
using MetalFests.Tests.PublicApi;

namespace MetalFests.Tests.Feeds;

/// <summary>
/// The calendar feeds, read by Ical.Net, hold one all-day event per edition that says what the JSON
/// API says of it: <c>/api/festivals.ics</c> every edition of every festival, <c>/api/festivals/{key}.ics</c> exactly its festival's.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CalendarFeedTests(AppFixture fixture)
{
    [Fact]
    public async Task The_whole_calendar_has_one_matching_event_per_edition_of_every_festival()
    {
        using var feed = await CalendarFeed.GetAsync(fixture.Gateway, "/api/festivals.ics");
        var rows = (await fixture.Gateway.GetOkAsync("/api/festivals")).Rows("festivals");
        Assert.Equal(Expected.Festivals.Count, rows.Count);

        var editions = 0;
        foreach (var row in rows)
        {
            var detail = await fixture.Gateway.GetOkAsync($"/api/festivals/{row.Str("festivalKey")}");
            var festival = detail.GetProperty("festival");
            foreach (var edition in detail.Rows("editions"))
            {
                CalendarFeed.AssertMatches(feed.Event(festival.Str("key"), edition.Int("year")), festival, edition);
                editions++;
            }
        }
        Assert.Equal(editions, feed.Calendar.Events.Count);
        // db.json has one edition per festival.
        Assert.Equal(Expected.Festivals.Count, editions);
    }

    [Fact]
    public async Task A_festival_calendar_has_exactly_its_editions_for_every_festival()
    {
        foreach (var expected in Expected.Festivals)
        {
            var detail = await fixture.Gateway.GetOkAsync($"/api/festivals/{expected.Key}");
            using var feed = await CalendarFeed.GetAsync(fixture.Gateway, $"/api/festivals/{expected.Key}.ics");

            var editions = detail.Rows("editions");
            Assert.Equal(editions.Count, feed.Calendar.Events.Count);
            foreach (var edition in editions)
            {
                CalendarFeed.AssertMatches(feed.Event(expected.Key, edition.Int("year")), detail.GetProperty("festival"), edition);
            }
        }
    }

    [Fact]
    public async Task The_events_carry_db_json_dates_with_the_end_day_exclusive()
    {
        using var feed = await CalendarFeed.GetAsync(fixture.Gateway, "/api/festivals.ics");

        foreach (var expected in Expected.Festivals)
        {
            var e = feed.Event(expected.Key, expected.Year);
            Assert.Equal(expected.Start, e.DtStart!.Date);
            Assert.Equal(expected.End.AddDays(1), e.DtEnd!.Date);
            Assert.Equal(expected.Name, e.Summary);
            Assert.Equal(expected.Location, e.Location);
        }
    }
}
