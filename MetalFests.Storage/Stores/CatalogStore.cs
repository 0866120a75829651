using Amazon.DynamoDBv2.Model;
using MetalFests.Storage.Model;

namespace MetalFests.Storage.Stores;

/// <summary>An entity and its version: the page of exactly one entity answers with it as its ETag.</summary>
public sealed record Versioned<T>(T Value, long Version);

/// <summary>The catalog service's access patterns (bands, genres, roles): each a Query, GetItem or BatchGetItem.</summary>
public sealed class CatalogStore(MetalFestsTable table)
{
    /// <summary>Band list rows: all (one partition) or those of one review status (GSI3).</summary>
    public async Task<IReadOnlyList<BandSummary>> ListBandsAsync(bool? reviewed, CancellationToken cancellationToken)
    {
        var items = reviewed is { } status
            ? await table.QueryAllAsync(new QueryRequest
            {
                IndexName = TableLayout.Gsi3,
                KeyConditionExpression = "#pk = :pk",
                ExpressionAttributeNames = new() { ["#pk"] = TableLayout.Gsi3PK },
                ExpressionAttributeValues = new() { [":pk"] = new AttributeValue(TableLayout.ReviewPk(status)) },
            }, cancellationToken)
            : await table.QueryPartitionAsync(TableLayout.BandsListPk, cancellationToken);
        return [.. items.Select(Items.ReadBandSummary)];
    }

    /// <summary>A band with the genres and roles it references (copied into its item): one GetItem.</summary>
    public async Task<Versioned<BandDetail>?> GetBandAsync(string key, CancellationToken cancellationToken) =>
        await table.GetAsync(TableLayout.BandPk(key), TableLayout.Metadata, cancellationToken) is { } item ? new(Items.ReadBandDetail(item), Items.VersionOf(item)) : null;

    /// <summary>A band and its appearances on line-ups (one partition).</summary>
    public async Task<(Band Band, IReadOnlyList<Appearance> Appearances)?> GetBandFestivalsAsync(string key, CancellationToken cancellationToken)
    {
        var items = await table.QueryPartitionAsync(TableLayout.BandPk(key), cancellationToken);
        var band = items.FirstOrDefault(i => Items.TypeOf(i) == TableLayout.Types.Band);
        return band is null
            ? null
            : (Items.ReadBand(band), [.. items.Where(i => Items.TypeOf(i) == TableLayout.Types.Appearance).Select(Items.ReadAppearance)]);
    }

    /// <summary>Which of these band keys exist (BatchGetItem of their list rows, 100 a request).</summary>
    public async Task<IReadOnlySet<string>> ExistingBandsAsync(IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        var rows = await table.BatchGetAsync(keys.Select(k => (TableLayout.BandsListPk, TableLayout.BandListSk(k))), cancellationToken);
        return rows.Select(r => Items.ReadBandSummary(r).Key).ToHashSet();
    }

    public async Task<IReadOnlyList<Genre>> ListGenresAsync(CancellationToken cancellationToken) =>
        [.. (await table.QueryPartitionAsync(TableLayout.GenresListPk, cancellationToken)).Select(Items.ReadGenre)];

    public async Task<Versioned<Genre>?> GetGenreAsync(string key, CancellationToken cancellationToken) =>
        await table.GetAsync(TableLayout.GenrePk(key), TableLayout.Metadata, cancellationToken) is { } item ? new(Items.ReadGenre(item), Items.VersionOf(item)) : null;

    /// <summary>A genre and its bands (one partition).</summary>
    public async Task<(Genre Genre, IReadOnlyList<GenreBand> Bands)?> GetGenreBandsAsync(string key, CancellationToken cancellationToken)
    {
        var items = await table.QueryPartitionAsync(TableLayout.GenrePk(key), cancellationToken);
        var genre = items.FirstOrDefault(i => Items.TypeOf(i) == TableLayout.Types.Genre);
        return genre is null
            ? null
            : (Items.ReadGenre(genre), [.. items.Where(i => Items.TypeOf(i) == TableLayout.Types.GenreBand).Select(Items.ReadGenreBand)]);
    }

    public async Task<IReadOnlyList<Role>> ListRolesAsync(CancellationToken cancellationToken) =>
        [.. (await table.QueryPartitionAsync(TableLayout.RolesListPk, cancellationToken)).Select(Items.ReadRole)];

    public async Task<Versioned<Role>?> GetRoleAsync(string key, CancellationToken cancellationToken) =>
        await table.GetAsync(TableLayout.RolePk(key), TableLayout.Metadata, cancellationToken) is { } item ? new(Items.ReadRole(item), Items.VersionOf(item)) : null;

    /// <summary>A role and the band members holding it (one partition).</summary>
    public async Task<(Role Role, IReadOnlyList<RoleMember> Members)?> GetRoleMembersAsync(string key, CancellationToken cancellationToken)
    {
        var items = await table.QueryPartitionAsync(TableLayout.RolePk(key), cancellationToken);
        var role = items.FirstOrDefault(i => Items.TypeOf(i) == TableLayout.Types.Role);
        return role is null
            ? null
            : (Items.ReadRole(role), [.. items.Where(i => Items.TypeOf(i) == TableLayout.Types.RoleMember).Select(Items.ReadRoleMember)]);
    }
}
