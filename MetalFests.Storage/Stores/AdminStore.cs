using Amazon.DynamoDBv2.Model;
using MetalFests.Storage.Writes;

namespace MetalFests.Storage.Stores;

/// <summary>Counts of everything (<c>GET /api/admin/stats</c>).</summary>
public sealed record TableStats(int Festivals, int Editions, int Bands, int ReviewedBands, int UnreviewedBands, int Genres, int Roles);

/// <summary>One page of the audit log, newest first; <see cref="Next"/> continues it.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, string? Next);

/// <summary>The admin side's reads: stats (from the list partitions) and the audit log.</summary>
public sealed class AdminStore(MetalFestsTable table)
{
    public async Task<TableStats> StatsAsync(CancellationToken cancellationToken)
    {
        var festivals = table.QueryPartitionAsync(TableLayout.FestivalsListPk, cancellationToken);
        var reviewed = CountAsync(ReviewQuery(true), cancellationToken);
        var unreviewed = CountAsync(ReviewQuery(false), cancellationToken);
        var genres = CountAsync(MetalFestsTable.PartitionQuery(TableLayout.GenresListPk), cancellationToken);
        var roles = CountAsync(MetalFestsTable.PartitionQuery(TableLayout.RolesListPk), cancellationToken);
        var rows = (await festivals).Select(Items.ReadFestivalSummary).ToList();
        return new TableStats(rows.Count, rows.Sum(r => r.TotalEditions), await reviewed + await unreviewed, await reviewed, await unreviewed, await genres, await roles);
    }

    /// <summary>Newest first; <paramref name="after"/> is the <see cref="AuditPage.Next"/> of the previous page.</summary>
    public async Task<AuditPage> AuditAsync(int limit, string? after, CancellationToken cancellationToken)
    {
        var request = MetalFestsTable.PartitionQuery(TableLayout.AuditPk);
        request.ScanIndexForward = false;
        request.Limit = limit;
        if (after is not null)
        {
            request.ExclusiveStartKey = MetalFestsTable.Key(TableLayout.AuditPk, after);
        }
        var page = await table.QueryOnePageAsync(request, cancellationToken);
        var next = page.LastEvaluatedKey is { Count: > 0 } last ? last[TableLayout.SK].S : null;
        return new AuditPage([.. page.Items.Select(AuditLog.Read)], next);
    }

    private static QueryRequest ReviewQuery(bool reviewed) => new()
    {
        IndexName = TableLayout.Gsi3,
        KeyConditionExpression = "#pk = :pk",
        ExpressionAttributeNames = new() { ["#pk"] = TableLayout.Gsi3PK },
        ExpressionAttributeValues = new() { [":pk"] = new AttributeValue(TableLayout.ReviewPk(reviewed)) },
    };

    private async Task<int> CountAsync(QueryRequest request, CancellationToken cancellationToken)
    {
        request.Select = Amazon.DynamoDBv2.Select.COUNT;
        var total = 0;
        do
        {
            var page = await table.QueryOnePageAsync(request, cancellationToken);
            total += page.Count ?? 0;
            request.ExclusiveStartKey = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (request.ExclusiveStartKey is not null);
        return total;
    }
}
