using System.Net;
using MetalFests.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MetalFests.Tests.AdminApi;

/// <summary>Counts, copies and adjacency items stay exactly what the entities imply, whatever the order and concurrency of writes.</summary>
[Collection(WritesCollection.Name)]
public sealed class WriteConsistencyTests(WritesFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task After_a_random_sequence_of_writes_every_count_equals_a_recount_from_scratch()
    {
        var seed = Environment.TickCount;
        output.WriteLine($"random seed {seed}");
        var random = new Random(seed);
        var api = fixture.Gateway;
        var run = Guid.NewGuid().ToString("N")[..6];

        var genres = Enumerable.Range(0, 3).Select(i => $"rand-genre-{run}-{i}").ToList();
        var roles = Enumerable.Range(0, 3).Select(i => $"rand-role-{run}-{i}").ToList();
        foreach (var genre in genres) await Expect(HttpStatusCode.Created, api.AdminPostAsync("/api/admin/genres", new { key = genre, name = "Genre " + genre }));
        foreach (var role in roles) await Expect(HttpStatusCode.Created, api.AdminPostAsync("/api/admin/roles", new { key = role, name = "Role " + role, category = "string" }));
        var festivals = Enumerable.Range(0, 3).Select(i => $"rand-fest-{run}-{i}").ToList();
        foreach (var festival in festivals) await Expect(HttpStatusCode.Created, api.AdminPostAsync("/api/admin/festivals", AdminRequests.Festival(festival)));
        var bands = new List<string>();

        object RandomBand(string key) => AdminRequests.Band(key, $"Band {key} {random.Next(100)}",
            [.. genres.Where(_ => random.Next(2) == 0)],
            [.. Enumerable.Range(0, random.Next(4)).Select(m => ($"Member {m}", roles.Where(_ => random.Next(2) == 0).ToArray()))],
            reviewed: random.Next(2) == 0);

        for (var step = 0; step < 80; step++)
        {
            var op = bands.Count < 6 ? 0 : random.Next(6);
            switch (op)
            {
                case 0:
                    var key = $"rand-band-{run}-{step}";
                    await Expect(HttpStatusCode.Created, api.AdminPostAsync("/api/admin/bands", RandomBand(key)));
                    bands.Add(key);
                    break;
                case 1:
                case 2:
                    var lineup = bands.Where(_ => random.Next(3) == 0).ToList();
                    var year = 2030 + random.Next(3);
                    var body = new { dates = new { start = $"{year}-01-01", end = $"{year}-01-02" }, bands = lineup.Select(b => new { key = b, size = random.Next(4) }).ToArray() };
                    var response = await api.AdminPutAsync($"/api/festivals/{Pick(festivals)}/editions/{year}", body);
                    Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    break;
                case 3:
                    var deleted = await api.AdminDeleteAsync($"/api/admin/festivals/{Pick(festivals)}/editions/{2030 + random.Next(3)}");
                    Assert.True(deleted.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.NotFound, $"{deleted.StatusCode}");
                    break;
                case 4:
                    var band = Pick(bands);
                    await Expect(HttpStatusCode.OK, api.AdminPutAsync($"/api/bands/{band}", RandomBand(band)));
                    break;
                default:
                    var victim = Pick(bands);
                    var removed = await api.AdminDeleteAsync($"/api/admin/bands/{victim}");
                    Assert.True(removed.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.Conflict, $"{removed.StatusCode}");
                    if (removed.StatusCode == HttpStatusCode.NoContent) bands.Remove(victim);
                    break;
            }
            if (step % 20 == 0)
            {
                await Expect(HttpStatusCode.OK, api.AdminPutAsync($"/api/admin/genres/{Pick(genres)}", new { name = $"Renamed {step}" }));
            }
        }

        TableRecount.AssertConsistent(await fixture.Table().ScanAllAsync(default));

        T Pick<T>(List<T> list) => list[random.Next(list.Count)];
    }

    [Fact]
    public async Task Parallel_editions_sharing_bands_count_each_band_exactly_once_per_edition()
    {
        var api = fixture.Gateway;
        var run = Guid.NewGuid().ToString("N")[..6];
        var bands = Enumerable.Range(0, 20).Select(i => $"par-band-{run}-{i}").ToList();
        foreach (var band in bands) await Expect(HttpStatusCode.Created, api.AdminPostAsync("/api/admin/bands", AdminRequests.Band(band, "Parallel " + band)));
        var festivals = Enumerable.Range(0, 6).Select(i => $"par-fest-{run}-{i}").ToList();
        foreach (var festival in festivals) await Expect(HttpStatusCode.Created, api.AdminPostAsync("/api/admin/festivals", AdminRequests.Festival(festival)));

        var writes = await Task.WhenAll(festivals.Select(f => api.AdminPutAsync($"/api/festivals/{f}/editions/2030", AdminRequests.Edition(2030, bands))));

        Assert.All(writes, w => Assert.Equal(HttpStatusCode.Created, w.StatusCode));
        var rows = (await api.FreshAsync($"/api/bands?q=Parallel par-band-{run}&limit=100"))["bands"]!.AsArray();
        Assert.Equal(bands.Count, rows.Count);
        Assert.All(rows, row => Assert.Equal(festivals.Count, row!["festivalCount"]!.GetValue<int>()));
    }

    private static async Task Expect(HttpStatusCode status, Task<HttpResponseMessage> request)
    {
        using var response = await request;
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
