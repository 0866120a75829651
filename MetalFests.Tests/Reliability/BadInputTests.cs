using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using MetalFests.Api.Versioning;
using MetalFests.Gateway.Routing;
using MetalFests.Storage;
using MetalFests.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MetalFests.Tests.Reliability;

/// <summary>
/// The bad-input corpus (<see cref="BadInputCorpus"/>, generated from the OpenAPI documents) sent through the
/// gateway: no answer is a 5xx, every refusal is the seed's error envelope, and no refused write leaves a trace
/// — the whole table, item by item, is the same after the corpus as before it.
/// </summary>
[Collection(WritesCollection.Name)]
public sealed class BadInputTests(WritesFixture fixture, ITestOutputHelper output)
{
    private const int Year = 2031;

    /// <summary>What a case got back; <see cref="ByKestrel"/> when the answer never reached the application (no security headers).</summary>
    private sealed record Outcome(BadInput Case, int Status, string? Code, bool ByKestrel, string Body);

    [Fact]
    public async Task No_bad_input_to_any_endpoint_gets_a_5xx_an_answer_outside_the_envelope_or_changes_the_table()
    {
        var clock = Stopwatch.StartNew();
        var gateway = fixture.Gateway;
        var run = Guid.NewGuid().ToString("N")[..8];
        var targets = new Targets($"corpus-fest-{run}", Year, $"corpus-band-{run}", $"corpus-genre-{run}", $"corpus-role-{run}");
        await SetUp.ExpectAsync(HttpStatusCode.Created, gateway.AdminPostAsync("/api/admin/genres", new { key = targets.Genre, name = "Corpus genre" }));
        await SetUp.ExpectAsync(HttpStatusCode.Created, gateway.AdminPostAsync("/api/admin/roles", new { key = targets.Role, name = "Corpus role", category = "string" }));
        await SetUp.ExpectAsync(HttpStatusCode.Created, gateway.AdminPostAsync("/api/admin/bands", AdminRequests.Band(targets.Band, "Corpus band", [targets.Genre], [("Member", [targets.Role])])));
        await SetUp.ExpectAsync(HttpStatusCode.Created, gateway.AdminPostAsync("/api/admin/festivals", AdminRequests.Festival(targets.Festival)));
        await SetUp.ExpectAsync(HttpStatusCode.Created, gateway.AdminPutAsync($"/api/festivals/{targets.Festival}/editions/{Year}", AdminRequests.Edition(Year, [targets.Band])));

        var operations = 0;
        var cases = new List<BadInput>();
        foreach (var version in ApiVersions.All)
        {
            var documented = Operation.Of(JsonNode.Parse(await gateway.GetStringAsync(RouteTable.ApiDocumentPathOf(version)))!).ToList();
            operations += documented.Count;
            cases.AddRange(BadInputCorpus.For(documented, targets, full: version == ApiVersions.V1));
        }
        output.WriteLine($"{operations} operations, {cases.Count} cases");

        var before = await TableAsync();
        var outcomes = new ConcurrentBag<Outcome>();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (input, cancellationToken) =>
        {
            using var request = input.ToRequest(gateway.BaseAddress!);
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bound.CancelAfter(Traffic.RequestBound);
            try
            {
                using var response = await gateway.SendAsync(request, bound.Token);
                var body = await response.Content.ReadAsStringAsync(bound.Token);
                outcomes.Add(new Outcome(input, (int)response.StatusCode, Traffic.CodeOf(body),
                    !response.Headers.Contains(Microsoft.Net.Http.Headers.HeaderNames.XContentTypeOptions), body.Length > 300 ? body[..300] : body));
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                outcomes.Add(new Outcome(input, 0, null, false, e.Message));
            }
        });
        var after = await TableAsync();

        output.WriteLine($"{outcomes.Count} answers in {clock.Elapsed.TotalSeconds:0.0} s");
        foreach (var group in outcomes.GroupBy(o => (o.Status, o.Code, o.ByKestrel)).OrderBy(g => g.Key.Status))
        {
            output.WriteLine($"  {group.Key.Status} {group.Key.Code}{(group.Key.ByKestrel ? " (Kestrel)" : "")}: {group.Count()}");
        }
        foreach (var kestrel in outcomes.Where(o => o.ByKestrel).GroupBy(o => o.Case.Name).Take(20))
        {
            output.WriteLine($"  Kestrel refused '{kestrel.Key}' ×{kestrel.Count()}: {kestrel.First().Status}");
        }

        var failures = new List<string>();
        failures.AddRange(outcomes.Where(o => o.Status is 0 or >= 500).Select(o => $"{o.Status} for {o.Case}: {o.Body}"));
        failures.AddRange(outcomes.Where(o => o.Status is >= 400 and < 500 && o.Case.Method != "HEAD" && !o.ByKestrel && o.Code is null)
            .Select(o => $"{o.Status} outside the envelope for {o.Case}: {o.Body}"));
        failures.AddRange(outcomes.Where(o => o.Case.IsWrite && o.Status is >= 200 and < 300 && !o.Case.Operation.Template.EndsWith("/validate", StringComparison.Ordinal))
            .Select(o => $"{o.Status}: write accepted for {o.Case}: {o.Body}"));
        failures.AddRange(Differences(before, after));
        foreach (var failure in failures.Take(60))
        {
            output.WriteLine(failure);
        }
        Assert.True(cases.Count >= 300, $"{cases.Count} cases");
        Assert.Empty(failures);
    }

    /// <summary>Every item of the table, as JSON, by its key.</summary>
    private async Task<Dictionary<string, string>> TableAsync()
    {
        var items = await fixture.Table().ScanAllAsync(default);
        return items.ToDictionary(item => $"{item[TableLayout.PK].S} | {item[TableLayout.SK].S}", Json);
    }

    private static string Json(Dictionary<string, AttributeValue> item)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            AttributeJson.Write(writer, new SortedDictionary<string, AttributeValue>(item, StringComparer.Ordinal));
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static IEnumerable<string> Differences(Dictionary<string, string> before, Dictionary<string, string> after) =>
        before.Keys.Union(after.Keys).Where(key => before.GetValueOrDefault(key) != after.GetValueOrDefault(key))
            .Select(key => $"table item {key}: {before.GetValueOrDefault(key) ?? "(none)"} → {after.GetValueOrDefault(key) ?? "(none)"}");
}
