using Amazon.DynamoDBv2.Model;
using MetalFests.Storage.Model;
using MetalFests.Storage.Reads;
using MetalFests.Storage.Writes;

namespace MetalFests.Storage.Stores;

/// <summary>An entity as stored, with its stamp (created, updated, version).</summary>
public sealed record Stamped<T>(T Value, EntityStamp Stamp);

/// <summary>
/// The festival list partition as served from memory: every row, and each upcoming-index entry (what GSI1
/// holds under <see cref="TableLayout.UpcomingFestivals"/>: the row and its sort key, the latest edition's end).
/// </summary>
public sealed record FestivalRows(IReadOnlyList<FestivalSummary> All, IReadOnlyList<(string Sk, FestivalSummary Row)> Upcoming)
{
    public static FestivalRows Read(List<Dictionary<string, AttributeValue>> items) => new(
        [.. items.Select(Items.ReadFestivalSummary)],
        [.. items.Where(i => i.TryGetValue(TableLayout.Gsi1PK, out var pk) && pk.S == TableLayout.UpcomingFestivals)
            .Select(i => (i[TableLayout.Gsi1SK].S, Items.ReadFestivalSummary(i)))]);
}

/// <summary>
/// The festivals service's access patterns: each one Query or BatchGetItem, never a scan; the list from
/// memory, revalidated per request (<see cref="PartitionCache"/>).
/// </summary>
public sealed class FestivalsStore(MetalFestsTable table, PartitionCache memory)
{
    private Task<FestivalRows> RowsAsync(CancellationToken cancellationToken) =>
        memory.GetAsync(TableLayout.FestivalsListPk, FestivalRows.Read, cancellationToken);

    /// <summary>Every festival's list row (one partition, from memory): the same list instance until it changes.</summary>
    public async Task<IReadOnlyList<FestivalSummary>> ListAsync(CancellationToken cancellationToken) =>
        (await RowsAsync(cancellationToken)).All;

    /// <summary>List rows whose latest edition has not ended on <paramref name="today"/> (GSI1's key condition, on the rows in memory).</summary>
    public async Task<IReadOnlyList<FestivalSummary>> UpcomingAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var from = Items.Iso(today);
        return [.. (await RowsAsync(cancellationToken)).Upcoming
            .Where(e => string.CompareOrdinal(e.Sk, from) >= 0)
            .OrderBy(e => e.Sk, StringComparer.Ordinal)
            .Select(e => e.Row)];
    }

    /// <summary>Every edition of every festival, earliest start first (GSI1: one partition).</summary>
    public async Task<IReadOnlyList<Edition>> AllEditionsAsync(CancellationToken cancellationToken)
    {
        var items = await table.QueryAllAsync(new QueryRequest
        {
            IndexName = TableLayout.Gsi1,
            KeyConditionExpression = "#pk = :pk",
            ExpressionAttributeNames = new() { ["#pk"] = TableLayout.Gsi1PK },
            ExpressionAttributeValues = new() { [":pk"] = new AttributeValue(TableLayout.EditionsByDate) },
        }, cancellationToken);
        return [.. items.Select(Items.ReadEdition)];
    }

    /// <summary>A festival and all its editions, oldest first (one partition); null when there is no such festival.</summary>
    public async Task<(Festival Festival, IReadOnlyList<Edition> Editions)?> GetWithEditionsAsync(string key, CancellationToken cancellationToken) =>
        await GetStampedAsync(key, cancellationToken) is { } found ? (found.Festival.Value, [.. found.Editions.Select(e => e.Value)]) : null;

    /// <summary>
    /// The same, each entity with its stamp: the version an editor sends back as <c>If-Match</c> when writing it.
    /// </summary>
    public async Task<(Stamped<Festival> Festival, IReadOnlyList<Stamped<Edition>> Editions)?> GetStampedAsync(string key, CancellationToken cancellationToken)
    {
        var items = await table.QueryPartitionAsync(TableLayout.FestivalPk(key), cancellationToken);
        var festival = items.FirstOrDefault(i => Items.TypeOf(i) == TableLayout.Types.Festival);
        return festival is null
            ? null
            : (new(Items.ReadFestival(festival), WriteSession.StampOf(festival)),
                [.. items.Where(i => Items.TypeOf(i) == TableLayout.Types.Edition).Select(i => new Stamped<Edition>(Items.ReadEdition(i), WriteSession.StampOf(i)))]);
    }

    /// <summary>A festival and one of its editions, read together (one request).</summary>
    public async Task<(Festival? Festival, Edition? Edition)> GetEditionAsync(string key, int year, CancellationToken cancellationToken)
    {
        var items = await table.BatchGetAsync([(TableLayout.FestivalPk(key), TableLayout.Metadata), (TableLayout.FestivalPk(key), TableLayout.EditionSk(year))], cancellationToken);
        var festival = items.FirstOrDefault(i => Items.TypeOf(i) == TableLayout.Types.Festival);
        var edition = items.FirstOrDefault(i => Items.TypeOf(i) == TableLayout.Types.Edition);
        return (festival is null ? null : Items.ReadFestival(festival), edition is null ? null : Items.ReadEdition(edition));
    }
}
