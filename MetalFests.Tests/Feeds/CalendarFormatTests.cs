using System.Text;
using MetalFests.Tests.Infrastructure;
using MetalFests.Tests.PublicApi;

namespace MetalFests.Tests.Feeds;

/// <summary>
/// The calendar's text is RFC 5545 on the wire: CRLF line ends, content lines folded at 75 octets
/// (never inside a UTF-8 character), TEXT values escaped, non-ASCII names kept as UTF-8, and the
/// calendar properties a subscribing client needs.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CalendarFormatTests(AppFixture fixture)
{
    public static TheoryData<string> Feeds => ["/api/festivals.ics", "/api/festivals/hellfest.ics", "/api/festivals.ics?festivals=sweden-rock-festival,karmygeddon-metal-festival-2026"];

    [Theory]
    [MemberData(nameof(Feeds))]
    public async Task Every_line_ends_in_crlf_and_is_at_most_75_octets(string path)
    {
        using var feed = await CalendarFeed.GetAsync(fixture.Gateway, path);

        Assert.EndsWith("\r\n", feed.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", feed.Text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("\r", feed.Text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var lines = feed.Text.Split("\r\n")[..^1];
        Assert.All(lines, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"{Encoding.UTF8.GetByteCount(line)} octets: {line}"));
    }

    [Fact]
    public async Task Long_line_ups_are_folded_into_continuation_lines()
    {
        // Brutal Assault's line-up has 239 bands: its description cannot fit one line.
        using var feed = await CalendarFeed.GetAsync(fixture.Gateway, "/api/festivals/brutal-assault.ics");

        var lines = feed.Text.Split("\r\n");
        var description = Array.FindIndex(lines, l => l.StartsWith("DESCRIPTION:", StringComparison.Ordinal));
        Assert.True(description >= 0);
        Assert.StartsWith(" ", lines[description + 1], StringComparison.Ordinal);
        Assert.Equal(CalendarFeed.Description((await fixture.Gateway.GetOkAsync("/api/festivals/brutal-assault")).Rows("editions")[0]), feed.Event("brutal-assault", 2026).Description);
    }

    [Fact]
    public async Task Text_values_escape_commas_and_line_breaks_and_keep_non_ascii_names()
    {
        using var feed = await CalendarFeed.GetAsync(fixture.Gateway, "/api/festivals.ics");
        var lines = feed.UnfoldedLines;

        foreach (var festival in Expected.Festivals)
        {
            // Every location is "City, Country": its comma is escaped (and some cities are not ASCII: Sölvesborg).
            Assert.Contains("LOCATION:" + CalendarFeed.Escape(festival.Location), lines);
            Assert.Contains("SUMMARY:" + CalendarFeed.Escape(festival.Name), lines);
        }
        var swedenRock = (await fixture.Gateway.GetOkAsync("/api/festivals/sweden-rock-festival")).Rows("editions")[0];
        var description = CalendarFeed.Description(swedenRock);
        Assert.Contains("Hällas", description, StringComparison.Ordinal);
        Assert.Contains('\n', description);
        Assert.Contains("DESCRIPTION:" + CalendarFeed.Escape(description), lines);
        Assert.Contains(@"\nTickets: ", CalendarFeed.Escape(description), StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Karmøygeddon Metal Festival 2026", lines);
        Assert.Contains("SUMMARY:Rock Pod Kameňom 2026", lines);
    }

    [Fact]
    public async Task The_calendar_names_itself_its_producer_and_version_and_is_published()
    {
        using var feed = await CalendarFeed.GetAsync(fixture.Gateway, "/api/festivals/hellfest.ics");
        var lines = feed.UnfoldedLines;

        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Equal("END:VCALENDAR", lines[^1]);
        Assert.Contains("VERSION:2.0", lines);
        Assert.Contains("METHOD:PUBLISH", lines);
        Assert.Single(lines, l => l.StartsWith("PRODID:", StringComparison.Ordinal) && l.Length > "PRODID:".Length);
        Assert.Contains("X-WR-CALNAME:Hellfest (MetalFests)", lines);
        // DTSTAMP and UID are required in every VEVENT (RFC 5545 §3.6.1).
        Assert.NotEmpty(feed.Calendar.Events);
        Assert.Equal(feed.Calendar.Events.Count, lines.Count(l => l.StartsWith("DTSTAMP:", StringComparison.Ordinal)));
        Assert.Equal(feed.Calendar.Events.Count, lines.Count(l => l.StartsWith("UID:", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("/api/festivals/hellfest.ics", "hellfest.ics")]
    [InlineData("/api/festivals.ics", "metalfests.ics")]
    public async Task A_calendar_is_inline_with_a_file_name(string path, string fileName)
    {
        using var feed = await CalendarFeed.GetAsync(fixture.Gateway, path);

        var disposition = feed.Response.Content.Headers.ContentDisposition;
        Assert.Equal("inline", disposition?.DispositionType);
        Assert.Equal(fileName, disposition?.FileName?.Trim('"'));
    }
}
