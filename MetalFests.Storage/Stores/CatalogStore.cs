using Amazon.DynamoDBv2.Model;
using MetalFests.Storage.Model;
using MetalFests.Storage.Reads;

namespace MetalFests.Storage.Stores;

/// <summary>An entity and its version: the page of exactly one entity answers with it as its ETag.</summary>
public sealed record Versioned<T>(T Value, long Version);

/// <summary>The band list partition as served from memory: every row, and the rows of each review status (GSI3's partitions).</summary>
public sealed record BandRows(IReadOnlyList<BandSummary> All, IReadOnlyList<BandSummary> Reviewed, IReadOnlyList<BandSummary> Unreviewed)
{
    public static BandRows Read(List<Dictionary<string, AttributeValue>> items)
    {
        IReadOnlyList<BandSummary> Where(string gsi3Pk) =>
            [.. items.Where(i => i.TryGetValue(TableLayout.Gsi3PK, out var pk) && pk.S == gsi3Pk).Select(Items.ReadBandSummary)];
        return new([.. items.Select(Items.ReadBandSummary)], Where(TableLayout.BandsReviewed), Where(TableLayout.BandsUnreviewed));
    }
}

/// <summary>
/// The catalog service's access patterns (bands, genres, roles): each a Query, GetItem or BatchGetItem;
/// the lists and the genres' and roles' partitions from memory, revalidated per request (<see cref="PartitionCache"/>).
/// </summary>
public sealed class CatalogStore(MetalFestsTable table, PartitionCache memory)
{
    /// <summary>
    /// Band list rows in key order: all (one partition) or those of one review status (what GSI3 holds).
    /// The same list instance until the partition changes.
    /// </summary>
    public async Task<IReadOnlyList<BandSummary>> ListBandsAsync(bool? reviewed, CancellationToken cancellationToken)
    {
        var rows = await memory.GetAsync(TableLayout.BandsListPk, BandRows.Read, cancellationToken);
        return reviewed switch { true => rows.Reviewed, false => rows.Unreviewed, null => rows.All };
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
        await memory.GetAsync<IReadOnlyList<Genre>>(TableLayout.GenresListPk, items => [.. items.Select(Items.ReadGenre)], cancellationToken);

    public async Task<Versioned<Genre>?> GetGenreAsync(string key, CancellationToken cancellationToken) =>
        await table.GetAsync(TableLayout.GenrePk(key), TableLayout.Metadata, cancellationToken) is { } item ? new(Items.ReadGenre(item), Items.VersionOf(item)) : null;

    /// <summary>A genre and its bands (one partition, from memory).</summary>
    public async Task<(Genre Genre, IReadOnlyList<GenreBand> Bands)?> GetGenreBandsAsync(string key, CancellationToken cancellationToken) =>
        (await memory.GetAsync(TableLayout.GenrePk(key), Adjacency<Genre, GenreBand>.Reader(TableLayout.Types.Genre, Items.ReadGenre, TableLayout.Types.GenreBand, Items.ReadGenreBand), cancellationToken)).Found;

    public async Task<IReadOnlyList<Role>> ListRolesAsync(CancellationToken cancellationToken) =>
        await memory.GetAsync<IReadOnlyList<Role>>(TableLayout.RolesListPk, items => [.. items.Select(Items.ReadRole)], cancellationToken);

    public async Task<Versioned<Role>?> GetRoleAsync(string key, CancellationToken cancellationToken) =>
        await table.GetAsync(TableLayout.RolePk(key), TableLayout.Metadata, cancellationToken) is { } item ? new(Items.ReadRole(item), Items.VersionOf(item)) : null;

    /// <summary>A role and the band members holding it (one partition, from memory).</summary>
    public async Task<(Role Role, IReadOnlyList<RoleMember> Members)?> GetRoleMembersAsync(string key, CancellationToken cancellationToken) =>
        (await memory.GetAsync(TableLayout.RolePk(key), Adjacency<Role, RoleMember>.Reader(TableLayout.Types.Role, Items.ReadRole, TableLayout.Types.RoleMember, Items.ReadRoleMember), cancellationToken)).Found;

    /// <summary>An entity's partition: the entity (none: no such entity) and its adjacency items.</summary>
    private sealed record Adjacency<TEntity, TEntry>((TEntity, IReadOnlyList<TEntry>)? Found)
    {
        public static Func<List<Dictionary<string, AttributeValue>>, Adjacency<TEntity, TEntry>> Reader(
            string entityType, Func<Dictionary<string, AttributeValue>, TEntity> readEntity,
            string entryType, Func<Dictionary<string, AttributeValue>, TEntry> readEntry) => items =>
                new(items.FirstOrDefault(i => Items.TypeOf(i) == entityType) is { } entity
                    ? (readEntity(entity), [.. items.Where(i => Items.TypeOf(i) == entryType).Select(readEntry)])
                    : null);
    }
}
