using System.Diagnostics;
using Amazon.DynamoDBv2.Model;
using MetalFests.Migrator.Source;
using MetalFests.Storage;
using MetalFests.Storage.Model;

namespace MetalFests.Migrator.Migration;

using Item = Dictionary<string, AttributeValue>;

public sealed record MigrationOptions(string Source, bool DryRun, bool OverwriteEdited, int Parallelism = 4);

/// <summary>
/// Phase 2 of the seed: db.json → the single table, idempotently. It computes every item the table
/// should hold (the file's entities, plus entities only the table has, with an editor's version
/// winning over the file's unless <see cref="MigrationOptions.OverwriteEdited"/>), writes only what
/// differs, deletes derived items nothing produces any more, then re-reads the table and verifies
/// every reference and count. Entities are never deleted: nothing is lost.
/// </summary>
public sealed class MigrationRunner(MetalFestsTable table, TimeProvider time, IProgress<(int Done, int Total)>? progress = null)
{
    public async Task<MigrationReport> RunAsync(MigrationOptions options, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow().UtcDateTime;
        var clock = Stopwatch.StartNew();
        var phases = new Dictionary<string, double>();
        void Phase(string name) { phases[name] = Math.Round(clock.Elapsed.TotalSeconds - phases.Values.Sum(), 2); }
        var source = SourceReader.Read(options.Source);
        var (fromFile, decisions) = DatasetBuilder.Build(source, DateOnly.FromDateTime(started));

        Phase("read");
        var existing = (await table.ScanAllAsync(cancellationToken)).ToDictionary(ItemKey);
        Phase("scan");
        var (dataset, keptEdited, keptOnlyInTable) = Merge(fromFile, existing.Values, options.OverwriteEdited);
        var desired = TableProjection.Items(dataset);
        // An older file's old keys: kept as aliases (never deleted, like entities), so old links keep resolving.
        desired.AddRange(decisions.TransliteratedKeys.Select(t => Items.Alias(new KeyAlias(t.Entity, t.OldKey, t.Key))));

        var writes = new List<WriteRequest>();
        var written = new Dictionary<string, int>();
        var deleted = new Dictionary<string, int>();
        var unchanged = 0;
        var desiredKeys = new HashSet<(string, string)>();
        foreach (var item in desired)
        {
            var key = ItemKey(item);
            desiredKeys.Add(key);
            var previous = existing.GetValueOrDefault(key);
            if (previous is not null && AttributeJson.Equal(item, previous, Items.StampAttributes))
            {
                unchanged++;
                continue;
            }
            Items.Stamp(item, previous, started, AuthorFor(previous, options.OverwriteEdited));
            writes.Add(new WriteRequest(new PutRequest(item)));
            Count(written, Items.TypeOf(item));
        }
        foreach (var (key, item) in existing)
        {
            if (!desiredKeys.Contains(key) && TableLayout.Types.Derived.Contains(Items.TypeOf(item)))
            {
                writes.Add(new WriteRequest(new DeleteRequest(MetalFestsTable.Key(key.Item1, key.Item2))));
                Count(deleted, Items.TypeOf(item));
            }
        }

        Phase("compute");
        var verification = new Verification(0, 0, []);
        if (!options.DryRun)
        {
            await WriteAsync(writes, options.Parallelism, cancellationToken);
            Phase("write");
            verification = Verify(await table.ScanAllAsync(cancellationToken));
            Phase("verify");
        }

        var desiredCounts = desired.GroupBy(Items.TypeOf).ToDictionary(g => g.Key, g => g.Count());
        return new MigrationReport(options.Source, table.Name, options.DryRun, started, clock.Elapsed.TotalSeconds, phases,
            new SourceCounts(source.Festivals.Count, source.Bands.Count, source.Festivals.Sum(f => f.Bands.Count),
                source.Bands.Select(b => b.Key).Where(k => k.Length > 0).Distinct().Count()),
            decisions,
            new DatasetCounts(dataset.Festivals.Count, dataset.Editions.Count, dataset.Bands.Count, decisions.StubBands.Count, dataset.Genres.Count, dataset.Roles.Count),
            new ItemCounts(desiredCounts, written, deleted, unchanged, keptEdited, keptOnlyInTable),
            verification);
    }

    /// <summary>
    /// Reads the table back as entities, projects them again and compares with what is stored:
    /// every list row, adjacency item and count must be exactly what the entities imply, and every
    /// line-up, genre and role reference must resolve.
    /// </summary>
    public static Verification Verify(IReadOnlyCollection<Item> items)
    {
        var problems = new List<string>();
        var dataset = ReadEntities(items);
        var bandKeys = dataset.Bands.Select(b => b.Key).ToHashSet();
        var genreKeys = dataset.Genres.Select(g => g.Key).ToHashSet();
        var roleKeys = dataset.Roles.Select(r => r.Key).ToHashSet();
        var festivalKeys = dataset.Festivals.Select(f => f.Key).ToHashSet();
        var references = 0;
        foreach (var edition in dataset.Editions)
        {
            references++;
            if (!festivalKeys.Contains(edition.FestivalKey)) problems.Add($"edition {edition.FestivalKey}/{edition.Year}: festival missing");
            foreach (var band in edition.Bands)
            {
                references++;
                if (!bandKeys.Contains(band.Key)) problems.Add($"edition {edition.FestivalKey}/{edition.Year}: band '{band.Key}' missing");
            }
        }
        foreach (var alias in items.Where(i => Items.TypeOf(i) == TableLayout.Types.KeyAlias).Select(Items.ReadAlias))
        {
            references++;
            var targets = alias.Entity == TableLayout.Types.Festival ? festivalKeys : bandKeys;
            if (!targets.Contains(alias.Key)) problems.Add($"alias '{alias.Alias}': {alias.Entity} '{alias.Key}' missing");
        }
        foreach (var band in dataset.Bands)
        {
            foreach (var genre in band.GenreKeys)
            {
                references++;
                if (!genreKeys.Contains(genre)) problems.Add($"band {band.Key}: genre '{genre}' missing");
            }
            foreach (var role in band.Members.SelectMany(m => m.RoleKeys))
            {
                references++;
                if (!roleKeys.Contains(role)) problems.Add($"band {band.Key}: role '{role}' missing");
            }
        }

        var stored = items.ToDictionary(ItemKey);
        var expected = TableProjection.Items(dataset);
        foreach (var item in expected)
        {
            var key = ItemKey(item);
            if (!stored.Remove(key, out var actual))
            {
                problems.Add($"{Items.TypeOf(item)} {key.Item1}/{key.Item2}: missing");
            }
            else if (!AttributeJson.Equal(item, actual, Items.StampAttributes))
            {
                problems.Add($"{Items.TypeOf(item)} {key.Item1}/{key.Item2}: differs from what its entities imply (a count or copy is stale)");
            }
        }
        problems.AddRange(stored.Where(s => TableLayout.Types.Derived.Contains(Items.TypeOf(s.Value))).Select(s => $"{Items.TypeOf(s.Value)} {s.Key.Item1}/{s.Key.Item2}: derived from no entity"));
        return new Verification(items.Count, references, problems);
    }

    private static (Dataset Dataset, List<string> KeptEdited, List<string> KeptOnlyInTable) Merge(Dataset fromFile, IEnumerable<Item> existing, bool overwriteEdited)
    {
        var table = ReadEntities(existing);
        var editedByAdmin = existing.Where(i => TableLayout.Types.Entities.Contains(Items.TypeOf(i)) && Items.AuthorOf(i) is { } a && a != Items.MigrationAuthor)
            .Select(ItemKey).ToHashSet();
        var keptEdited = new List<string>();
        var keptOnlyInTable = new List<string>();

        List<T> Combine<T>(IReadOnlyList<T> file, IReadOnlyList<T> stored, Func<T, (string, string)> keyOf, string type)
        {
            var result = file.ToDictionary(keyOf);
            foreach (var entity in stored)
            {
                var key = keyOf(entity);
                if (!result.ContainsKey(key))
                {
                    keptOnlyInTable.Add($"{type} {key.Item1}/{key.Item2}");
                    result[key] = entity;
                }
                else if (editedByAdmin.Contains(key) && !overwriteEdited)
                {
                    keptEdited.Add($"{type} {key.Item1}/{key.Item2}");
                    result[key] = entity;
                }
            }
            return [.. result.Values];
        }

        var dataset = new Dataset(
            Combine(fromFile.Festivals, table.Festivals, f => (TableLayout.FestivalPk(f.Key), TableLayout.Metadata), TableLayout.Types.Festival),
            Combine(fromFile.Editions, table.Editions, e => (TableLayout.FestivalPk(e.FestivalKey), TableLayout.EditionSk(e.Year)), TableLayout.Types.Edition),
            Combine(fromFile.Bands, table.Bands, b => (TableLayout.BandPk(b.Key), TableLayout.Metadata), TableLayout.Types.Band),
            Combine(fromFile.Genres, table.Genres, g => (TableLayout.GenrePk(g.Key), TableLayout.Metadata), TableLayout.Types.Genre),
            Combine(fromFile.Roles, table.Roles, r => (TableLayout.RolePk(r.Key), TableLayout.Metadata), TableLayout.Types.Role));
        return (dataset, keptEdited, keptOnlyInTable);
    }

    private static Dataset ReadEntities(IEnumerable<Item> items)
    {
        var byType = items.ToLookup(Items.TypeOf);
        return new Dataset(
            [.. byType[TableLayout.Types.Festival].Select(Items.ReadFestival)],
            [.. byType[TableLayout.Types.Edition].Select(Items.ReadEdition)],
            [.. byType[TableLayout.Types.Band].Select(Items.ReadBand)],
            [.. byType[TableLayout.Types.Genre].Select(Items.ReadGenre)],
            [.. byType[TableLayout.Types.Role].Select(Items.ReadRole)]);
    }

    /// <summary>The migration never takes authorship of an item an editor wrote, unless told to overwrite.</summary>
    private static string AuthorFor(Item? previous, bool overwriteEdited) =>
        previous is not null && !overwriteEdited && Items.AuthorOf(previous) is { } author ? author : Items.MigrationAuthor;

    private async Task WriteAsync(List<WriteRequest> writes, int parallelism, CancellationToken cancellationToken)
    {
        var done = 0;
        progress?.Report((0, writes.Count));
        await Parallel.ForEachAsync(writes.Chunk(25 * 4), new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (chunk, ct) =>
            {
                await table.BatchWriteAsync(chunk, ct);
                progress?.Report((Interlocked.Add(ref done, chunk.Length), writes.Count));
            });
    }

    private static (string, string) ItemKey(Item item) => (Items.Pk(item), Items.Sk(item));

    private static void Count(Dictionary<string, int> counts, string type) => counts[type] = counts.GetValueOrDefault(type) + 1;
}
