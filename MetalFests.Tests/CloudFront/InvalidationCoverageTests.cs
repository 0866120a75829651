using System.Net;
using MetalFests.Tests.AdminApi;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.CloudFront;

/// <summary>
/// The paths a write sends CloudFront cover every page the write changes, under CloudFront's documented
/// matching (a path covers itself with any query string; a trailing <c>*</c> covers every path starting with what
/// precedes it; nothing else), within its limit of 15 wildcard paths in progress — and no page of an entity the
/// write did not touch, even one whose key starts with the written one's. Which pages changed is measured, not
/// predicted: every page of the spec's routes for the entities involved is read from the services before and after
/// the write, and those whose answer differs are the changed ones — version 2's band lists among them.
/// </summary>
[Collection(WritesCollection.Name)]
public sealed class InvalidationCoverageTests(WritesFixture fixture) : IAsyncLifetime
{
    /// <summary>CloudFront's limit of wildcard paths in progress at once, per distribution.</summary>
    private const int CloudFrontWildcardLimit = 15;

    private CloudFrontDeployment _aws = null!;

    public async Task InitializeAsync() => _aws = await CloudFrontDeployment.StartAsync(fixture);

    public async Task DisposeAsync() => await _aws.DisposeAsync();

    public static TheoryData<string> Writes => ["band renamed", "band leaves its genre and role", "festival renamed", "edition added", "genre renamed", "role renamed"];

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Every_page_a_write_changes_is_covered_and_no_page_of_an_untouched_entity(string write)
    {
        var world = await World.CreateAsync(fixture.Gateway, festivals: 2);

        var (changed, paths) = await WriteAndMeasureAsync(world, write);

        Assert.Contains(world.MainPage(write), changed);
        AssertCovered(changed, paths);
        foreach (var page in world.BystanderPages())
        {
            Assert.False(paths.Any(p => Covers(p, page)), $"{page} belongs to an entity the write did not touch, yet {string.Join(", ", paths.Where(p => Covers(p, page)))} invalidates it");
        }
    }

    [Fact]
    public async Task A_band_on_thirty_line_ups_is_covered_within_the_wildcard_limit()
    {
        var world = await World.CreateAsync(fixture.Gateway, festivals: 30);

        var (changed, paths) = await WriteAndMeasureAsync(world, "band renamed");

        Assert.True(changed.Count(p => p.StartsWith("/api/festivals/", StringComparison.Ordinal)) >= 30, string.Join(", ", changed));
        AssertCovered(changed, paths);
    }

    private async Task<(IReadOnlyList<string> Changed, IReadOnlyList<string> Paths)> WriteAndMeasureAsync(World world, string write)
    {
        var pages = world.Pages();
        var before = await SnapshotAsync(pages);
        var again = await SnapshotAsync(pages);
        var stable = pages.Where(p => before[p] == again[p]).ToList();

        await world.WriteAsync(_aws, write);

        var after = await SnapshotAsync(stable);
        var changed = stable.Where(p => before[p] != after[p]).ToList();
        var call = Assert.Single(_aws.CloudFront.Calls);
        Assert.Empty(call.Problems);
        return (changed, call.Paths);
    }

    private static void AssertCovered(IReadOnlyList<string> changed, IReadOnlyList<string> paths)
    {
        foreach (var page in changed)
        {
            Assert.True(paths.Any(p => Covers(p, page)), $"{page} changed, but none of {string.Join(", ", paths)} covers it");
        }
        Assert.True(paths.Count(p => p.Contains('*')) <= CloudFrontWildcardLimit, string.Join(", ", paths));
        Assert.All(paths, p => Assert.True(p.IndexOf('*') is -1 || p.IndexOf('*') == p.Length - 1, $"{p}: * may only end a path"));
    }

    /// <summary>CloudFront's rule, as its developer guide states it.</summary>
    private static bool Covers(string invalidationPath, string page)
    {
        var path = page.Split('?', 2)[0];
        return invalidationPath.EndsWith('*') ? path.StartsWith(invalidationPath[..^1], StringComparison.Ordinal) : path == invalidationPath;
    }

    private async Task<Dictionary<string, string>> SnapshotAsync(IEnumerable<string> pages)
    {
        var bodies = new Dictionary<string, string>();
        foreach (var page in pages)
        {
            using var response = await _aws.Owner(page).GetAsync(page);
            // An error's envelope carries its own timestamp and request id: its status is what a cache would keep.
            bodies[page] = response.IsSuccessStatusCode ? WithoutWriteTime(await response.Content.ReadAsStringAsync()) : $"{(int)response.StatusCode}";
        }
        return bodies;
    }

    /// <summary>
    /// A published calendar's DTSTAMP is the moment it was written (RFC 5545 §3.8.7.2), not its content: two
    /// reads a second apart differ there without any write.
    /// </summary>
    private static string WithoutWriteTime(string body) =>
        string.Join("\r\n", body.Split("\r\n").Where(line => !line.StartsWith("DTSTAMP:", StringComparison.Ordinal)));

    /// <summary>
    /// A band with a genre and a member's role, on line-ups of <c>festivals</c> festivals; beside them a band and a
    /// festival whose keys start with the band's and the first festival's (the bystanders).
    /// </summary>
    private sealed record World(string Band, string Genre, string Role, IReadOnlyList<string> Festivals, string BandBystander, string FestivalBystander)
    {
        private const string Member = "Test Member";
        private const int NewYear = Given.Year + 1;

        public static async Task<World> CreateAsync(HttpClient api, int festivals)
        {
            var genre = await api.GenreAsync();
            var role = await api.RoleAsync();
            var band = AdminRequests.UniqueKey("band");
            await api.AdminPostAsync("/api/admin/bands", AdminRequests.Band(band, Given.BandName(band), [genre], [(Member, [role])])).ExpectAsync(HttpStatusCode.Created);
            var bystander = band + "-tribute";
            await api.AdminPostAsync("/api/admin/bands", AdminRequests.Band(bystander, Given.BandName(bystander))).ExpectAsync(HttpStatusCode.Created);
            var keys = new List<string>();
            for (var i = 0; i < festivals; i++)
            {
                var festival = await api.FestivalAsync();
                await api.EditionAsync(festival, Given.Year, band);
                keys.Add(festival);
            }
            var festivalBystander = keys[0] + "-winter";
            await api.AdminPostAsync("/api/admin/festivals", AdminRequests.Festival(festivalBystander, Given.FestivalName(festivalBystander))).ExpectAsync(HttpStatusCode.Created);
            return new World(band, genre, role, keys, bystander, festivalBystander);
        }

        public async Task WriteAsync(CloudFrontDeployment aws, string write)
        {
            using var response = await (write switch
            {
                "band renamed" => aws.Catalog.AdminPutAsync($"/api/bands/{Band}", AdminRequests.Band(null, Given.BandName(Band) + " renamed", [Genre], [(Member, [Role])])),
                "band leaves its genre and role" => aws.Catalog.AdminPutAsync($"/api/bands/{Band}", AdminRequests.Band(null, Given.BandName(Band))),
                "festival renamed" => aws.Festivals.AdminPutAsync($"/api/admin/festivals/{Festivals[0]}", AdminRequests.Festival(null, Given.FestivalName(Festivals[0]) + " renamed")),
                "edition added" => aws.Festivals.AdminPutAsync($"/api/festivals/{Festivals[0]}/editions/{NewYear}", AdminRequests.Edition(NewYear, [Band])),
                "genre renamed" => aws.Catalog.AdminPutAsync($"/api/admin/genres/{Genre}", new { name = "Renamed " + Genre, description = "Renamed" }),
                "role renamed" => aws.Catalog.AdminPutAsync($"/api/admin/roles/{Role}", new { name = "Renamed " + Role, category = "string" }),
                _ => throw new ArgumentOutOfRangeException(nameof(write), write, null),
            });
            Assert.True(response.IsSuccessStatusCode, $"{write}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        /// <summary>The page the write is about: it must be among the changed ones (else the measurement saw nothing).</summary>
        public string MainPage(string write) => write switch
        {
            "band renamed" or "band leaves its genre and role" => $"/api/bands/{Band}",
            "festival renamed" => $"/api/festivals/{Festivals[0]}",
            "edition added" => $"/api/festivals/{Festivals[0]}/editions/{NewYear}",
            "genre renamed" => $"/api/genres/{Genre}",
            "role renamed" => $"/api/roles/{Role}",
            _ => throw new ArgumentOutOfRangeException(nameof(write), write, null),
        };

        /// <summary>The spec's public routes for every entity involved (lists narrowed by q= to the test's own rows).</summary>
        public IReadOnlyList<string> Pages() =>
        [
            $"/api/bands?q={Band}", $"/api/bands/reviewed?q={Band}", $"/api/bands/unreviewed?q={Band}", "/api/genres", "/api/roles",
            // Version 2's band lists (cursor paging): a deployment without the gateway must invalidate them too.
            $"/api/v2/bands?q={Band}", $"/api/v2/bands/reviewed?q={Band}", $"/api/v2/bands/unreviewed?q={Band}",
            .. Festivals.Append(FestivalBystander).Select(f => $"/api/festivals?q={f}"),
            .. Festivals.Append(FestivalBystander).SelectMany(f => new[]
            {
                $"/api/festivals/{f}", $"/api/festivals/{f}/editions", $"/api/festivals/{f}/editions/{Given.Year}", $"/api/festivals/{f}/editions/{NewYear}",
                // The calendar feeds (branch feeds): a festival's, and the all-festivals one narrowed to it.
                $"/api/festivals/{f}.ics", $"/api/festivals.ics?festivals={f}",
            }),
            .. new[] { Band, BandBystander }.SelectMany(b => new[] { $"/api/bands/{b}", $"/api/bands/{b}/festivals" }),
            $"/api/genres/{Genre}", $"/api/genres/{Genre}/bands", $"/api/roles/{Role}", $"/api/roles/{Role}/members",
        ];

        public IEnumerable<string> BystanderPages() =>
        [
            $"/api/bands/{BandBystander}", $"/api/bands/{BandBystander}/festivals",
            $"/api/festivals/{FestivalBystander}", $"/api/festivals/{FestivalBystander}/editions", $"/api/festivals/{FestivalBystander}.ics",
        ];
    }
}
