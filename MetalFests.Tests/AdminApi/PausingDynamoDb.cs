using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using MetalFests.Storage;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.AdminApi;

/// <summary>
/// DynamoDB Local, except that once a journal commits (or, with <paramref name="beforeCommit"/>, is about
/// to), every later transaction waits for <see cref="Resume"/>: the writer is "paused". <see cref="Committed"/>
/// gives the journal's id.
/// </summary>
internal sealed class PausingDynamoDb(StorageOptions options, bool beforeCommit = false)
    : AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), new AmazonDynamoDBConfig { ServiceURL = options.ServiceUrl, AuthenticationRegion = options.Region })
{
    public TaskCompletionSource<string> Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource Resume { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override async Task<TransactWriteItemsResponse> TransactWriteItemsAsync(TransactWriteItemsRequest request, CancellationToken cancellationToken = default)
    {
        if (Committed.Task.IsCompleted)
        {
            await Resume.Task;
            return await base.TransactWriteItemsAsync(request, cancellationToken);
        }
        var commit = request.TransactItems.Select(i => i.Update).FirstOrDefault(u => u?.UpdateExpression?.Contains(":committed", StringComparison.Ordinal) == true);
        if (commit is null)
        {
            return await base.TransactWriteItemsAsync(request, cancellationToken);
        }
        var id = commit.Key[TableLayout.SK].S[TableLayout.JournalSkPrefix.Length..];
        if (beforeCommit)
        {
            Committed.SetResult(id);
            await Resume.Task;
            return await base.TransactWriteItemsAsync(request, cancellationToken);
        }
        var response = await base.TransactWriteItemsAsync(request, cancellationToken);
        Committed.SetResult(id);
        return response;
    }
}

/// <summary>
/// A writer of an edition too large for one transaction, run in the test process against the writes
/// instance's DynamoDB Local and paused at its journal's commit (before it, or right after it).
/// </summary>
internal sealed record PausedEdition(string Festival, IReadOnlyList<string> Bands, PausingDynamoDb Client, Task Write, string Journal) : IDisposable
{
    /// <summary>Bands enough for a journal: 2 items per band (appearance, list row) beyond one transaction's 100.</summary>
    public const int LineupSize = 60;

    public static async Task<PausedEdition> StartAsync(WritesFixture fixture, bool beforeCommit)
    {
        var api = fixture.Gateway;
        var festival = await api.FestivalAsync();
        var bands = new List<string>();
        for (var i = 0; i < LineupSize; i++)
        {
            bands.Add(await api.BandAsync());
        }
        var options = fixture.LocalOptions(StorageOptions.DefaultTableName);
        var client = new PausingDynamoDb(options, beforeCommit);
        var writer = new Storage.Writes.FestivalWrites(new Storage.Writes.TableWriter(
            new MetalFestsTable(client, Microsoft.Extensions.Options.Options.Create(options)), Microsoft.Extensions.Logging.Abstractions.NullLogger<Storage.Writes.TableWriter>.Instance));
        var draft = new Storage.Model.Edition(festival, "", Given.Year, new(new(Given.Year, 7, 1), new(Given.Year, 7, 4)),
            [.. bands.Select(b => new Storage.Model.LineupBand(b, "", 2))], 100m, "EUR", Storage.Model.EditionStatus.Announced);
        var write = writer.PutEditionAsync(draft, new Storage.Writes.WriteContext("test", null), default);
        var journal = await client.Committed.Task.WaitAsync(TimeSpan.FromMinutes(1));
        return new PausedEdition(festival, bands, client, write, journal);
    }

    public void Dispose() => Client.Dispose();
}
