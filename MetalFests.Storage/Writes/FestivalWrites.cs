using Amazon.DynamoDBv2.Model;
using MetalFests.Storage.Model;

namespace MetalFests.Storage.Writes;

using Item = Dictionary<string, AttributeValue>;

/// <summary>
/// Festivals and editions: each write keeps the festival's list row, its editions, the bands'
/// appearances and their <c>festivalCount</c> in step.
/// </summary>
public sealed class FestivalWrites(TableWriter writer)
{
    public const string FestivalResource = "Festival";
    public const string EditionResource = "Edition";

    public Task<WriteResult<Festival>> CreateAsync(Festival festival, WriteContext context, CancellationToken cancellationToken) =>
        writer.WriteAsync<Festival>(async session =>
        {
            var state = await FestivalState.LoadAsync(session, festival.Key);
            if (state is not null)
            {
                return new WriteError(WriteFailure.AlreadyExists, FestivalResource, festival.Key);
            }
            if (WriteSession.CheckVersion(context, null, FestivalResource, festival.Key) is { } stale)
            {
                return stale;
            }
            session.ExpectAbsent(TableLayout.FestivalPk(festival.Key), TableLayout.Metadata);
            session.ExpectAbsent(TableLayout.FestivalsListPk, TableLayout.FestivalListSk(festival.Key));
            var item = session.Stamp(Items.Festival(festival), null, context);
            var plan = new WritePlan()
                .Put(item)
                .Put(session.Stamp(Items.FestivalSummary(TableProjection.Summary(festival, [])), null, context));
            await session.CommitAsync(plan, context, AuditActions.Create, "festival", festival.Key, null, item);
            return new Written<Festival>(festival, WriteSession.StampOf(item), true, new ChangeSet([festival.Key], [], [], [], FestivalList: true), []);
        }, cancellationToken);

    /// <summary>Replaces a festival's general information; its editions and appearances follow its name and location.</summary>
    public Task<WriteResult<Festival>> UpdateAsync(Festival festival, WriteContext context, CancellationToken cancellationToken) =>
        writer.WriteAsync<Festival>(async session =>
        {
            if (await FestivalState.LoadAsync(session, festival.Key) is not { } state)
            {
                return new WriteError(WriteFailure.NotFound, FestivalResource, festival.Key);
            }
            if (WriteSession.CheckVersion(context, state.FestivalItem, FestivalResource, festival.Key) is { } stale)
            {
                return stale;
            }
            var plan = new WritePlan();
            var item = session.Stamp(Items.Festival(festival), state.FestivalItem, context);
            plan.Put(item);

            var renamed = festival.Name != state.Festival.Name;
            var moved = festival.Location != state.Festival.Location;
            var editions = state.Editions.Select(e => e with { FestivalName = festival.Name }).ToList();
            if (renamed)
            {
                foreach (var (edition, previous) in editions.Zip(state.EditionItems))
                {
                    plan.Put(session.Stamp(Items.Edition(edition), previous, context));
                }
            }
            if (renamed || moved)
            {
                foreach (var edition in editions)
                {
                    foreach (var band in edition.Bands)
                    {
                        plan.Put(session.Stamp(Items.Appearance(AppearanceOf(festival, edition, band)), null, context));
                    }
                }
            }
            plan.Put(session.Stamp(Items.FestivalSummary(TableProjection.Summary(festival, editions)), state.SummaryItem, context));
            await session.CommitAsync(plan, context, AuditActions.Update, "festival", festival.Key, state.FestivalItem, item);
            return new Written<Festival>(festival, WriteSession.StampOf(item), false, new ChangeSet([festival.Key], [], [], [], FestivalList: true), []);
        }, cancellationToken);

    /// <summary>
    /// Creates or replaces an edition. <paramref name="draft"/> gives dates, line-up (keys and sizes),
    /// price, currency and status; the festival's name and the bands' names come from the table.
    /// </summary>
    public Task<WriteResult<Edition>> PutEditionAsync(Edition draft, WriteContext context, CancellationToken cancellationToken) =>
        writer.WriteAsync<Edition>(async session =>
        {
            var key = draft.FestivalKey;
            var editionKey = EditionKey(key, draft.Year);
            var newKeys = draft.Bands.Select(b => b.Key).ToHashSet();
            // The new line-up's rows are read together with the festival; the bands it drops, once it is known.
            var newRows = BandRows.LoadAsync(session, newKeys);
            var (loaded, rows) = (await FestivalState.LoadAsync(session, key), await newRows);
            if (loaded is not { } state)
            {
                return new WriteError(WriteFailure.NotFound, FestivalResource, key);
            }
            var index = state.Editions.FindIndex(e => e.Year == draft.Year);
            var previousItem = index < 0 ? null : state.EditionItems[index];
            var previous = index < 0 ? null : state.Editions[index];
            if (WriteSession.CheckVersion(context, previousItem, EditionResource, editionKey) is { } stale)
            {
                return stale;
            }

            var oldKeys = previous?.Bands.Select(b => b.Key).ToHashSet() ?? [];
            foreach (var row in await BandRows.LoadAsync(session, oldKeys.Except(newKeys)))
            {
                rows[row.Key] = row.Value;
            }
            var missing = draft.Bands.Where(b => !rows.ContainsKey(b.Key)).Select(b => new InvalidReference(b.Key, "not found")).ToList();
            if (missing.Count > 0)
            {
                return new WriteError(WriteFailure.InvalidReferences, EditionResource, editionKey, InvalidBands: missing);
            }

            var edition = draft with
            {
                FestivalName = state.Festival.Name,
                Bands = [.. draft.Bands.Select(b => b with { Name = rows[b.Key].Summary.Name })],
            };
            // The line-up copies the bands' names: a rename between this read and the commit would be lost.
            foreach (var band in edition.Bands)
            {
                session.Expect(rows[band.Key].Item);
            }
            if (previousItem is null)
            {
                session.ExpectAbsent(TableLayout.FestivalPk(key), TableLayout.EditionSk(edition.Year));
            }
            var plan = new WritePlan();
            var item = session.Stamp(Items.Edition(edition), previousItem, context);
            plan.Put(item);
            var editions = state.Editions.Where(e => e.Year != edition.Year).Append(edition).ToList();
            plan.Put(session.Stamp(Items.FestivalSummary(TableProjection.Summary(state.Festival, editions)), state.SummaryItem, context));

            var oldSizes = previous?.Bands.ToDictionary(b => b.Key, b => b.Size) ?? [];
            var touched = new HashSet<string>();
            foreach (var band in edition.Bands)
            {
                if (!oldSizes.TryGetValue(band.Key, out var size) || size != band.Size || previous!.Dates != edition.Dates)
                {
                    plan.Put(session.Stamp(Items.Appearance(AppearanceOf(state.Festival, edition, band)), null, context));
                    touched.Add(band.Key);
                }
            }
            var removed = oldKeys.Except(newKeys).ToList();
            foreach (var band in removed)
            {
                plan.Delete(TableLayout.BandPk(band), TableLayout.AppearanceSk(edition.Year, key));
            }
            var added = newKeys.Except(oldKeys).ToList();
            BandRows.Count(session, plan, context, rows, added, +1);
            BandRows.Count(session, plan, context, rows, removed, -1);

            var created = previous is null;
            await session.CommitAsync(plan, context, created ? AuditActions.Create : AuditActions.Replace, "edition", editionKey, previousItem, item);
            return new Written<Edition>(edition, WriteSession.StampOf(item), created,
                new ChangeSet([key], [.. touched.Union(removed)], [], [], FestivalList: true, BandList: added.Count + removed.Count > 0), []);
        }, cancellationToken);

    public Task<WriteResult<Edition>> DeleteEditionAsync(string key, int year, WriteContext context, CancellationToken cancellationToken) =>
        writer.WriteAsync<Edition>(async session =>
        {
            var editionKey = EditionKey(key, year);
            var state = await FestivalState.LoadAsync(session, key);
            var index = state?.Editions.FindIndex(e => e.Year == year) ?? -1;
            if (state is null || index < 0)
            {
                return new WriteError(WriteFailure.NotFound, EditionResource, editionKey);
            }
            var (edition, item) = (state.Editions[index], state.EditionItems[index]);
            if (WriteSession.CheckVersion(context, item, EditionResource, editionKey) is { } stale)
            {
                return stale;
            }
            var plan = new WritePlan().Delete(item);
            var bands = edition.Bands.Select(b => b.Key).ToList();
            foreach (var band in bands)
            {
                plan.Delete(TableLayout.BandPk(band), TableLayout.AppearanceSk(year, key));
            }
            BandRows.Count(session, plan, context, await BandRows.LoadAsync(session, bands), bands, -1);
            var editions = state.Editions.Where(e => e.Year != year).ToList();
            plan.Put(session.Stamp(Items.FestivalSummary(TableProjection.Summary(state.Festival, editions)), state.SummaryItem, context));
            await session.CommitAsync(plan, context, AuditActions.Delete, "edition", editionKey, item, null);
            return new Written<Edition>(edition, WriteSession.StampOf(item), false,
                new ChangeSet([key], bands, [], [], FestivalList: true, BandList: bands.Count > 0), []);
        }, cancellationToken);

    public static string EditionKey(string festival, int year) => $"{festival}/{year}";

    private static Appearance AppearanceOf(Festival festival, Edition edition, LineupBand band) =>
        new(band.Key, festival.Key, festival.Name, festival.Location, edition.Year, edition.Dates, band.Size);

    /// <summary>A festival's items as a writer reads them (strongly consistent).</summary>
    private sealed record FestivalState(Festival Festival, Item FestivalItem, List<Edition> Editions, List<Item> EditionItems, Item? SummaryItem)
    {
        public static async Task<FestivalState?> LoadAsync(WriteSession session, string key)
        {
            var partition = session.Table.QueryPartitionAsync(TableLayout.FestivalPk(key), session.CancellationToken, consistent: true);
            var row = session.Table.GetAsync(TableLayout.FestivalsListPk, TableLayout.FestivalListSk(key), session.CancellationToken, consistent: true);
            var (items, summary) = (await partition, await row);
            var festival = items.FirstOrDefault(i => Items.TypeOf(i) == TableLayout.Types.Festival);
            if (festival is null)
            {
                return null;
            }
            var editionItems = items.Where(i => Items.TypeOf(i) == TableLayout.Types.Edition).ToList();
            return new FestivalState(Items.ReadFestival(festival), festival, [.. editionItems.Select(Items.ReadEdition)], editionItems, summary);
        }
    }
}

/// <summary>Band list rows, read to check line-up references and to move <c>festivalCount</c>.</summary>
internal static class BandRows
{
    public sealed record Row(BandSummary Summary, Item Item);

    public static async Task<Dictionary<string, Row>> LoadAsync(WriteSession session, IEnumerable<string> bands)
    {
        var items = await session.Table.BatchGetAsync(bands.Select(b => (TableLayout.BandsListPk, TableLayout.BandListSk(b))), session.CancellationToken, consistent: true);
        return items.Select(i => new Row(Items.ReadBandSummary(i), i)).ToDictionary(r => r.Summary.Key);
    }

    public static void Count(WriteSession session, WritePlan plan, WriteContext context, Dictionary<string, Row> rows, IEnumerable<string> bands, int delta)
    {
        foreach (var band in bands)
        {
            var row = rows[band];
            var counted = row.Summary with { FestivalCount = Math.Max(0, row.Summary.FestivalCount + delta) };
            plan.Put(session.Stamp(Items.BandSummary(counted), row.Item, context));
        }
    }
}
