using System.Net;
using System.Text.Json.Nodes;
using MetalFests.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MetalFests.Tests.AdminApi;

/// <summary>
/// Writes run in parallel (no table-wide lease): rounds of random writes sent at once, touching shared
/// bands, genres, roles and festivals, leave every derived count exactly what the entities imply. The
/// expected counts are recounted here from the entities' own pages (line-ups, a band's genres and members),
/// never from the counters under test nor from production code.
/// </summary>
[Collection(WritesCollection.Name)]
public sealed class ConcurrentWriteCountTests(WritesFixture fixture, ITestOutputHelper output)
{
    private const int Rounds = 6;
    private const int WritesPerRound = 10;

    [Fact]
    public async Task Concurrent_random_writes_leave_every_count_equal_to_a_recount_of_the_entities()
    {
        var seed = Environment.TickCount;
        output.WriteLine($"random seed {seed}");
        var random = new Random(seed);
        var api = fixture.Gateway;
        var genres = new List<string>();
        var roles = new List<string>();
        var festivals = new List<string>();
        var bands = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            genres.Add(await api.GenreAsync());
            roles.Add(await api.RoleAsync());
            festivals.Add(await api.FestivalAsync());
        }
        for (var i = 0; i < 8; i++)
        {
            bands.Add(await api.BandAsync());
        }

        var statuses = new List<HttpStatusCode>();
        for (var round = 0; round < Rounds; round++)
        {
            // Drawn in order (Random is not thread-safe), then sent together.
            var writes = Enumerable.Range(0, WritesPerRound).Select(_ => Draw(random, api, genres, roles, festivals, bands)).ToList();
            foreach (var response in await Task.WhenAll(writes.Select(w => w())))
            {
                using (response)
                {
                    var body = await response.Content.ReadAsStringAsync();
                    Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.NoContent
                        or HttpStatusCode.NotFound or HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity,
                        $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri!.AbsolutePath}: {(int)response.StatusCode} {body}");
                    statuses.Add(response.StatusCode);
                }
            }
        }
        output.WriteLine(string.Join(", ", statuses.CountBy(s => s).Select(c => $"{(int)c.Key}: {c.Value}")));

        // The recount, from the entities as their pages show them.
        var lineups = new Dictionary<string, List<(int Year, List<string> Bands)>>();
        foreach (var festival in festivals)
        {
            var page = await api.FreshAsync($"/api/festivals/{festival}");
            lineups[festival] = [.. page["editions"]!.AsArray().Select(e => ((int)e!["year"]!, e["bands"]!.AsArray().Select(b => (string)b!["key"]!).ToList()))];
        }
        var alive = new Dictionary<string, JsonNode>();
        foreach (var band in bands.Distinct())
        {
            using var response = await api.GetAsync($"/api/bands/{band}?fresh={Guid.NewGuid():N}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                alive[band] = (await response.JsonAsync())["band"]!;
            }
            else
            {
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            }
        }

        foreach (var (band, _) in alive)
        {
            var editions = lineups.SelectMany(l => l.Value.Where(e => e.Bands.Contains(band)).Select(e => $"{l.Key}/{e.Year}")).Order().ToList();
            Assert.Equal(editions.Count, await api.FestivalCountAsync(band));
            Assert.Equal(editions, (await api.AppearancesAsync(band)).Order().ToList());
        }
        foreach (var genre in genres)
        {
            var members = alive.Where(b => b.Value["genreKeys"]!.AsArray().Any(g => (string?)g == genre)).Select(b => b.Key).Order().ToList();
            Assert.Equal(members.Count, await api.BandCountAsync(genre));
            Assert.Equal(members, (await api.FreshAsync($"/api/genres/{genre}/bands"))["bands"]!.AsArray().Select(b => (string)b!["key"]!).Order().ToList());
        }
        foreach (var role in roles)
        {
            var holders = alive.Values.Sum(b => b["members"]!.AsArray().Count(m => m!["roleKeys"]!.AsArray().Any(r => (string?)r == role)));
            Assert.Equal(holders, await api.BandMemberCountAsync(role));
        }
        foreach (var festival in festivals)
        {
            var row = await api.FestivalRowAsync(festival);
            var editions = lineups[festival];
            Assert.Equal(editions.Count, (int)row["totalEditions"]!);
            if (editions.Count == 0)
            {
                Assert.Null(row["latestEdition"]);
                continue;
            }
            var latest = editions.MaxBy(e => e.Year);
            Assert.Equal(latest.Year, (int)row["latestEdition"]!["year"]!);
            Assert.Equal(latest.Bands.Count, (int)row["latestEdition"]!["bandCount"]!);
        }
    }

    /// <summary>One random write, ready to send.</summary>
    private static Func<Task<HttpResponseMessage>> Draw(Random random, HttpClient api, List<string> genres, List<string> roles, List<string> festivals, List<string> bands)
    {
        T Pick<T>(List<T> list) => list[random.Next(list.Count)];
        object RandomBand(string key) => AdminRequests.Band(key, $"{Given.BandName(key)} {random.Next(100)}",
            [.. genres.Where(_ => random.Next(2) == 0)],
            [.. Enumerable.Range(0, random.Next(4)).Select(m => ($"Member {m}", roles.Where(_ => random.Next(2) == 0).ToArray()))]);

        switch (random.Next(7))
        {
            case 0 or 1 or 2:
                var year = 2030 + random.Next(3);
                var lineup = bands.Where(_ => random.Next(3) == 0).ToList();
                var edition = AdminRequests.Edition(year, lineup, size: random.Next(4));
                var festival = Pick(festivals);
                return () => api.AdminPutAsync(Given.EditionPath(festival, year), edition);
            case 3:
                var deleted = $"/api/admin/festivals/{Pick(festivals)}/editions/{2030 + random.Next(3)}";
                return () => api.AdminDeleteAsync(deleted);
            case 4:
                var band = Pick(bands);
                var replacement = RandomBand(band);
                return () => api.AdminPutAsync($"/api/bands/{band}", replacement);
            case 5:
                if (random.Next(2) == 0)
                {
                    var key = AdminRequests.UniqueKey("band");
                    bands.Add(key);
                    var created = RandomBand(key);
                    return () => api.AdminPostAsync("/api/admin/bands", created);
                }
                var victim = $"/api/admin/bands/{Pick(bands)}";
                return () => api.AdminDeleteAsync(victim);
            default:
                var genre = Pick(genres);
                var renamed = new { name = $"Genre {genre} {random.Next(100)}" };
                return () => api.AdminPutAsync($"/api/admin/genres/{genre}", renamed);
        }
    }
}
