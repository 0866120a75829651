using Amazon.DynamoDBv2.Model;
using MetalFests.Storage.Model;

namespace MetalFests.Storage.Writes;

using Item = Dictionary<string, AttributeValue>;

/// <summary>
/// Bands: each write keeps the band's list row, its genre and role adjacency items, the genres'
/// <c>bandCount</c> and roles' <c>bandMemberCount</c>, and (on a rename) the line-ups naming it in step.
/// </summary>
public sealed class BandWrites(TableWriter writer)
{
    public const string Resource = "Band";

    public Task<WriteResult<Band>> CreateAsync(Band band, WriteContext context, CancellationToken cancellationToken) =>
        writer.WriteAsync<Band>(async session =>
        {
            if (await session.Table.GetAsync(TableLayout.BandPk(band.Key), TableLayout.Metadata, session.CancellationToken, consistent: true) is not null)
            {
                return new WriteError(WriteFailure.AlreadyExists, Resource, band.Key);
            }
            if (WriteSession.CheckVersion(context, null, Resource, band.Key) is { } stale)
            {
                return stale;
            }
            var refs = await References.LoadAsync(session, [band]);
            if (refs.Invalid(band, band.Key) is { } invalid)
            {
                return invalid;
            }
            session.ExpectAbsent(TableLayout.BandPk(band.Key), TableLayout.Metadata);
            session.ExpectAbsent(TableLayout.BandsListPk, TableLayout.BandListSk(band.Key));
            var plan = new WritePlan();
            var item = session.Stamp(Items.Band(refs.Detail(band)), null, context);
            plan.Put(item).Put(session.Stamp(Items.BandSummary(refs.Summary(band, 0)), null, context));
            var changes = Adjacency(session, plan, context, refs, null, band);
            await session.CommitAsync(plan, context, AuditActions.Create, "band", band.Key, null, item);
            return new Written<Band>(band, WriteSession.StampOf(item), true, changes, []);
        }, cancellationToken);

    public Task<WriteResult<Band>> UpdateAsync(Band band, WriteContext context, CancellationToken cancellationToken) =>
        writer.WriteAsync<Band>(async session =>
        {
            var loading = BandState.LoadAsync(session, band.Key);
            var newRefs = References.LoadAsync(session, [band]);
            if (await loading is not { } state)
            {
                return new WriteError(WriteFailure.NotFound, Resource, band.Key);
            }
            if (WriteSession.CheckVersion(context, state.Item, Resource, band.Key) is { } stale)
            {
                return stale;
            }
            var refs = (await newRefs).With(await References.LoadAsync(session, [state.Band], except: await newRefs));
            if (refs.Invalid(band, band.Key) is { } invalid)
            {
                return invalid;
            }
            var plan = new WritePlan();
            var item = session.Stamp(Items.Band(refs.Detail(band)), state.Item, context);
            plan.Put(item).Put(session.Stamp(Items.BandSummary(refs.Summary(band, state.Row?.Summary.FestivalCount ?? 0)), state.Row?.Item, context));
            var changes = Adjacency(session, plan, context, refs, state.Band, band);

            var festivals = state.Appearances.Select(a => a.FestivalKey).Distinct().Order(StringComparer.Ordinal).ToList();
            if (band.Name != state.Band.Name)
            {
                // Line-ups print the band's name: every edition featuring it follows.
                var editions = await session.Table.BatchGetAsync(
                    state.Appearances.Select(a => (TableLayout.FestivalPk(a.FestivalKey), TableLayout.EditionSk(a.Year))), session.CancellationToken, consistent: true);
                foreach (var editionItem in editions)
                {
                    var edition = Items.ReadEdition(editionItem);
                    var renamed = edition with { Bands = [.. edition.Bands.Select(b => b.Key == band.Key ? b with { Name = band.Name } : b)] };
                    plan.Put(session.Stamp(Items.Edition(renamed), editionItem, context));
                }
            }
            await session.CommitAsync(plan, context, AuditActions.Update, "band", band.Key, state.Item, item);
            return new Written<Band>(band, WriteSession.StampOf(item), false, changes, festivals);
        }, cancellationToken);

    /// <summary>Deletes a band that no line-up names (else <see cref="WriteFailure.StillReferenced"/>).</summary>
    public Task<WriteResult<Band>> DeleteAsync(string key, WriteContext context, CancellationToken cancellationToken) =>
        writer.WriteAsync<Band>(async session =>
        {
            if (await BandState.LoadAsync(session, key) is not { } state)
            {
                return new WriteError(WriteFailure.NotFound, Resource, key);
            }
            if (WriteSession.CheckVersion(context, state.Item, Resource, key) is { } stale)
            {
                return stale;
            }
            if (state.Appearances.Count > 0)
            {
                return new WriteError(WriteFailure.StillReferenced, Resource, key,
                    ReferencedBy: [.. state.Appearances.Select(a => FestivalWrites.EditionKey(a.FestivalKey, a.Year))]);
            }
            var refs = await References.LoadAsync(session, [state.Band]);
            // The list row holds festivalCount: an edition adding the band meanwhile changes it, and this delete fails.
            var plan = new WritePlan().Delete(state.Item);
            _ = state.Row is { } row ? plan.Delete(row.Item) : plan.Delete(TableLayout.BandsListPk, TableLayout.BandListSk(key));
            var changes = Adjacency(session, plan, context, refs, state.Band, null);
            await session.CommitAsync(plan, context, AuditActions.Delete, "band", key, state.Item, null);
            return new Written<Band>(state.Band, WriteSession.StampOf(state.Item), false, changes, []);
        }, cancellationToken);

    /// <summary>
    /// The genre and role side of a band going from <paramref name="before"/> to <paramref name="after"/>
    /// (either null for create/delete): adjacency items and counts.
    /// </summary>
    private static ChangeSet Adjacency(WriteSession session, WritePlan plan, WriteContext context, References refs, Band? before, Band? after)
    {
        var key = (after ?? before)!.Key;
        var oldGenres = before?.GenreKeys.ToHashSet() ?? [];
        var newGenres = after?.GenreKeys.ToHashSet() ?? [];
        foreach (var genre in oldGenres.Except(newGenres))
        {
            plan.Delete(TableLayout.GenrePk(genre), TableLayout.GenreBandSk(key));
        }
        var listed = before is not null && after is not null && (before.Name, before.Country, before.Reviewed) != (after.Name, after.Country, after.Reviewed);
        foreach (var genre in newGenres.Where(g => listed || !oldGenres.Contains(g)))
        {
            plan.Put(session.Stamp(Items.GenreBand(new GenreBand(genre, key, after!.Name, after.Country, after.Reviewed)), null, context));
        }
        var genreCounts = newGenres.Except(oldGenres).Select(g => (g, +1)).Concat(oldGenres.Except(newGenres).Select(g => (g, -1))).ToList();
        foreach (var (genre, delta) in genreCounts)
        {
            var (current, item) = refs.Genres[genre];
            var counted = current with { BandCount = Math.Max(0, current.BandCount + delta) };
            plan.Put(session.Stamp(Items.Genre(counted), item, context)).Put(session.Stamp(Items.GenreSummary(counted), item, context));
        }

        var oldMembers = Members(before);
        var newMembers = Members(after);
        foreach (var stale in oldMembers.Keys.Except(newMembers.Keys))
        {
            plan.Delete(TableLayout.RolePk(stale.Role), TableLayout.RoleMemberSk(key, stale.Index));
        }
        foreach (var (slot, member) in newMembers)
        {
            if (!oldMembers.TryGetValue(slot, out var was) || was != member)
            {
                plan.Put(session.Stamp(Items.RoleMember(member, slot.Index), null, context));
            }
        }
        var oldCounts = oldMembers.Keys.CountBy(k => k.Role).ToDictionary();
        var newCounts = newMembers.Keys.CountBy(k => k.Role).ToDictionary();
        var roleCounts = oldCounts.Keys.Union(newCounts.Keys)
            .Select(r => (Role: r, Delta: newCounts.GetValueOrDefault(r) - oldCounts.GetValueOrDefault(r)))
            .Where(c => c.Delta != 0).ToList();
        foreach (var (role, delta) in roleCounts)
        {
            var (current, item) = refs.Roles[role];
            var counted = current with { BandMemberCount = Math.Max(0, current.BandMemberCount + delta) };
            plan.Put(session.Stamp(Items.Role(counted), item, context)).Put(session.Stamp(Items.RoleSummary(counted), item, context));
        }
        return new ChangeSet([], [key], [.. genreCounts.Select(c => c.Item1)], [.. roleCounts.Select(c => c.Role)],
            BandList: true, GenreList: genreCounts.Count > 0, RoleList: roleCounts.Count > 0);
    }

    private static Dictionary<(string Role, int Index), RoleMember> Members(Band? band) =>
        band is null ? [] : band.Members
            .SelectMany((m, i) => m.RoleKeys.Distinct().Select(r => ((r, i), new RoleMember(r, band.Key, band.Name, m.Name))))
            .ToDictionary(p => p.Item1, p => p.Item2);

    private sealed record BandState(Band Band, Item Item, IReadOnlyList<Appearance> Appearances, BandRows.Row? Row)
    {
        public static async Task<BandState?> LoadAsync(WriteSession session, string key)
        {
            var partition = session.Table.QueryPartitionAsync(TableLayout.BandPk(key), session.CancellationToken, consistent: true);
            var row = BandRows.LoadAsync(session, [key]);
            var (items, rows) = (await partition, await row);
            var band = items.FirstOrDefault(i => Items.TypeOf(i) == TableLayout.Types.Band);
            if (band is null)
            {
                return null;
            }
            return new BandState(Items.ReadBand(band), band,
                [.. items.Where(i => Items.TypeOf(i) == TableLayout.Types.Appearance).Select(Items.ReadAppearance)], rows.GetValueOrDefault(key));
        }
    }

    /// <summary>The genres and roles some bands name, read once: to validate, copy and count them.</summary>
    private sealed record References(Dictionary<string, (Genre Genre, Item Item)> Genres, Dictionary<string, (Role Role, Item Item)> Roles)
    {
        private static readonly References None = new([], []);

        /// <summary>The genres and roles <paramref name="bands"/> name, except those already in <paramref name="except"/>.</summary>
        public static async Task<References> LoadAsync(WriteSession session, IReadOnlyList<Band> bands, References? except = null)
        {
            var genres = bands.SelectMany(b => b.GenreKeys).Distinct().Where(g => except?.Genres.ContainsKey(g) != true).Select(g => (TableLayout.GenrePk(g), TableLayout.Metadata));
            var roles = bands.SelectMany(b => b.Members).SelectMany(m => m.RoleKeys).Distinct().Where(r => except?.Roles.ContainsKey(r) != true).Select(r => (TableLayout.RolePk(r), TableLayout.Metadata));
            var keys = genres.Concat(roles).ToList();
            if (keys.Count == 0)
            {
                return None;
            }
            var items = await session.Table.BatchGetAsync(keys, session.CancellationToken, consistent: true);
            return new References(
                items.Where(i => Items.TypeOf(i) == TableLayout.Types.Genre).Select(i => (Items.ReadGenre(i), i)).ToDictionary(p => p.Item1.Key),
                items.Where(i => Items.TypeOf(i) == TableLayout.Types.Role).Select(i => (Items.ReadRole(i), i)).ToDictionary(p => p.Item1.Key));
        }

        public References With(References more) => more.Genres.Count + more.Roles.Count == 0 ? this : new(
            Genres.Concat(more.Genres).ToDictionary(), Roles.Concat(more.Roles).ToDictionary());

        public WriteError? Invalid(Band band, string key)
        {
            var genres = band.GenreKeys.Where(g => !Genres.ContainsKey(g)).Distinct().Select(g => new InvalidReference(g, "not found")).ToList();
            var roles = band.Members.SelectMany(m => m.RoleKeys).Where(r => !Roles.ContainsKey(r)).Distinct().Select(r => new InvalidReference(r, "not found")).ToList();
            return genres.Count + roles.Count == 0 ? null
                : new WriteError(WriteFailure.InvalidReferences, Resource, key, InvalidGenres: genres, InvalidRoles: roles);
        }

        public BandDetail Detail(Band band) => TableProjection.Detail(band,
            Genres.ToDictionary(g => g.Key, g => g.Value.Genre), Roles.ToDictionary(r => r.Key, r => r.Value.Role));

        public BandSummary Summary(Band band, int festivalCount) =>
            TableProjection.Summary(band, Genres.ToDictionary(g => g.Key, g => g.Value.Genre.Name), festivalCount);
    }
}
