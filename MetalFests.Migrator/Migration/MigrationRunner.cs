using System.Diagnostics;
using Amazon.DynamoDBv2.Model;
using MetalFests.Migrator.Source;
using MetalFests.Storage;
using MetalFests.Storage.Model;
using MetalFests.Storage.Reads;

namespace MetalFests.Migrator.Migration;

using Item = Dictionary<string, AttributeValue>;

public sealed record MigrationOptions(string Source, bool DryRun, bool OverwriteEdited, int Parallelism = 4);

/// <summary>
/// Phase 2 of the seed: db.json → the single table, idempotently. It computes every item the table
/// should hold (the file's entities, plus entities only the table has, with an editor's version
/// winning over the file's unless <see cref="MigrationOptions.OverwriteEdited"/>), writes only what
/// differs, deletes derived items nothing produces any more, puts a new version on every memory-served
/// partition shard it changed (so running services read those partitions again), then re-reads the table
/// and verifies every reference and count, and only then marks the table loaded (<see cref="LoadMarker"/>).
/// Entities are never deleted: nothing is lost.
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
        var run = RunId(started);
        var file = Path.GetFileName(options.Source);
        var versions = new List<Item>();
        LoadMarker? marker = null;
        if (!options.DryRun)
        {
            // A first load says so before its first item: a table left half-loaded (the run cut short) is never taken as loaded.
            await new LoadMarker(LoadMarker.Loading, run, file, started, Adopted: false, 0).PutLoadingAsync(table, cancellationToken);
            await WriteAsync(writes, options.Parallelism, cancellationToken);
            Phase("write");
            // After every item, as a write's commit does: a service that sees a new version then reads the new items.
            versions = PartitionVersions.Bumped(writes.Select(Changed), VersionToken(run));
            await table.BatchWriteAsync([.. versions.Select(v => new WriteRequest(new PutRequest(v)))], cancellationToken);
            Phase("versions");
            verification = Verify(await table.ScanAllAsync(cancellationToken));
            Phase("verify");
            if (verification.Problems.Count == 0)
            {
                marker = new LoadMarker(LoadMarker.Loaded, run, file, time.GetUtcNow().UtcDateTime, Adopted: false, verification.ItemsChecked);
                await marker.PutAsync(table, cancellationToken);
            }
        }

        var desiredCounts = desired.GroupBy(Items.TypeOf).ToDictionary(g => g.Key, g => g.Count());
        return new MigrationReport(options.Source, table.Name, options.DryRun, started, clock.Elapsed.TotalSeconds, phases,
            new SourceCounts(source.Festivals.Count, source.Bands.Count, source.Festivals.Sum(f => f.Bands.Count),
                source.Bands.Select(b => b.Key).Where(k => k.Length > 0).Distinct().Count()),
            decisions,
            new DatasetCounts(dataset.Festivals.Count, dataset.Editions.Count, dataset.Bands.Count, decisions.StubBands.Count, dataset.Genres.Count, dataset.Roles.Count),
            new ItemCounts(desiredCounts, written, deleted, unchanged, keptEdited, keptOnlyInTable),
            verification, versions.Count, marker);
    }

    /// <summary>
    /// What <c>--if-empty</c> makes of the table (the AppHost's start-up run): a table marked loaded is left as it is; a
    /// table with no marker, or one still marked loading, is loaded (<see cref="RunAsync"/>) — unless it is a table an
    /// older migrator loaded (which wrote no marker): its entities written by a migration, and the verification finding no
    /// problem, it is adopted: marked loaded as it stands, nothing else written (as the older <c>--if-empty</c> left it).
    /// Items no migration wrote (writes accepted before any load) do not make a table loaded: it is loaded, and the merge
    /// keeps them (an entity only in the table is kept, an editor's version wins).
    /// </summary>
    public async Task<IfEmptyDecision> DecideIfEmptyAsync(bool dryRun, CancellationToken cancellationToken)
    {
        var marker = await LoadMarker.ReadAsync(table, cancellationToken);
        if (marker is { IsLoaded: true })
        {
            return new(IfEmptyOutcome.Loaded, $"Table {table.Name} is loaded ({marker}): nothing to migrate (--if-empty).", marker);
        }
        if (marker is not null)
        {
            return new(IfEmptyOutcome.Load, $"Table {table.Name} was being loaded and is not yet ({marker}): loading it.", marker);
        }
        if (await table.IsEmptyAsync(cancellationToken))
        {
            return new(IfEmptyOutcome.Load, $"Table {table.Name} is empty: loading it.", null);
        }
        var items = await table.ScanAllAsync(cancellationToken);
        if (!items.Exists(i => TableLayout.Types.Entities.Contains(Items.TypeOf(i)) && Items.AuthorOf(i) == Items.MigrationAuthor))
        {
            return new(IfEmptyOutcome.Load, $"Table {table.Name} holds {items.Count} items but no load marker and nothing a migration wrote (writes that reached it before a load): loading it, keeping them.", null);
        }
        var verification = Verify(items);
        if (verification.Problems.Count > 0)
        {
            return new(IfEmptyOutcome.Load, $"Table {table.Name} holds an earlier migration's items but no load marker, and its verification found {verification.Problems.Count} problems (a load cut short): loading it.", null);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var adopted = new LoadMarker(LoadMarker.Loaded, RunId(now), AdoptedSource, now, Adopted: true, verification.ItemsChecked);
        if (!dryRun)
        {
            await adopted.PutAsync(table, cancellationToken);
        }
        return new(IfEmptyOutcome.Adopted,
            $"Table {table.Name} was loaded by an older migrator (no load marker; {verification.ItemsChecked} items, {verification.ReferencesChecked} references verified): {(dryRun ? "would be" : "now")} marked loaded as it stands, nothing else written (--if-empty).",
            adopted);
    }

    /// <summary>The source an adopted table's marker names: not this run's file, which it did not load.</summary>
    public const string AdoptedSource = "an older migrator's load";

    private static string RunId(DateTime started) => $"{started:yyyyMMddTHHmmssZ}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>The token a run puts on the versions it bumps: its run id, told apart from a write's audit id.</summary>
    public static string VersionToken(string run) => "migration-" + run;

    private static (string Pk, string Sk) Changed(WriteRequest write) =>
        write.PutRequest is { } put ? ItemKey(put.Item) : (Items.Pk(write.DeleteRequest.Key), Items.Sk(write.DeleteRequest.Key));

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
