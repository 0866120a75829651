using System.Net;
using MetalFests.Tests.Infrastructure;
using MetalFests.Tests.PublicApi;

namespace MetalFests.Tests.Feeds;

/// <summary>
/// <c>/api/festivals.ics?festivals=a,b</c> is the calendar of a chosen set (a user's favourites): only
/// those festivals' editions; a well-formed key naming no festival is skipped, so a subscribed feed
/// survives a festival's removal; a malformed list is a 400 naming the parameter. An unknown festival's
/// own calendar is a 404 in the envelope.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CalendarSelectionTests(AppFixture fixture)
{
    [Fact]
    public async Task A_chosen_set_holds_exactly_the_editions_of_those_festivals()
    {
        using var feed = await CalendarFeed.GetAsync(fixture.Gateway, "/api/festivals.ics?festivals=hellfest,wacken-open-air");

        Assert.Equal(["hellfest-2026@metalfests", "wacken-open-air-2026@metalfests"], feed.Calendar.Events.Select(e => e.Uid).Order(StringComparer.Ordinal));
        foreach (var key in new[] { "hellfest", "wacken-open-air" })
        {
            var detail = await fixture.Gateway.GetOkAsync($"/api/festivals/{key}");
            CalendarFeed.AssertMatches(feed.Event(key, 2026), detail.GetProperty("festival"), detail.Rows("editions")[0]);
        }
        Assert.Contains("X-WR-CALNAME:MetalFests: chosen festivals", feed.UnfoldedLines);
    }

    [Fact]
    public async Task A_key_naming_no_festival_is_skipped_and_the_others_are_served()
    {
        using var feed = await CalendarFeed.GetAsync(fixture.Gateway, "/api/festivals.ics?festivals=no-such-festival,copenhell,copenhell");

        Assert.Equal("copenhell-2026@metalfests", Assert.Single(feed.Calendar.Events).Uid);
    }

    [Fact]
    public async Task Only_unknown_keys_give_an_empty_calendar_not_an_error()
    {
        using var feed = await CalendarFeed.GetAsync(fixture.Gateway, "/api/festivals.ics?festivals=gone-festival");

        Assert.Empty(feed.Calendar.Events);
        Assert.Contains("BEGIN:VCALENDAR", feed.UnfoldedLines);
    }

    [Theory]
    [InlineData("/api/festivals.ics?festivals=")]
    [InlineData("/api/festivals.ics?festivals=Hellfest")]
    [InlineData("/api/festivals.ics?festivals=hellfest,,copenhell")]
    [InlineData("/api/festivals.ics?festivals=hellfest;copenhell")]
    public async Task A_malformed_list_is_a_400_naming_the_parameter(string path) =>
        await fixture.Gateway.GetValidationErrorAsync(path, "festivals");

    [Fact]
    public async Task More_than_100_keys_is_a_400()
    {
        var keys = string.Join(',', Enumerable.Range(0, 101).Select(i => $"festival-{i}"));

        await fixture.Gateway.GetValidationErrorAsync($"/api/festivals.ics?festivals={keys}", "festivals");
    }

    [Fact]
    public async Task An_unknown_festival_calendar_is_a_404_naming_the_festival()
    {
        var error = await fixture.Gateway.GetErrorAsync("/api/festivals/no-such-festival.ics", HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");

        Assert.Equal("Festival", error.GetProperty("details").Str("resource"));
        Assert.Equal("no-such-festival", error.GetProperty("details").Str("key"));
    }

    [Fact]
    public async Task A_malformed_festival_key_in_a_calendar_path_is_a_400() =>
        await fixture.Gateway.GetValidationErrorAsync("/api/festivals/Hellfest.ics", "key");
}
