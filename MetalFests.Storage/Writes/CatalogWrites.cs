using Amazon.DynamoDBv2.Model;
using MetalFests.Storage.Model;

namespace MetalFests.Storage.Writes;

using Item = Dictionary<string, AttributeValue>;

/// <summary>
/// Genres and roles. Their counts belong to band writes; a change of what a band's page copies
/// (a genre's name or description, a role's name or category) rewrites the bands that reference it,
/// found through the entity's adjacency items.
/// </summary>
public sealed class CatalogWrites(TableWriter writer)
{
    public const string GenreResource = "Genre";
    public const string RoleResource = "Role";

    public Task<WriteResult<Genre>> CreateGenreAsync(Genre genre, WriteContext context, CancellationToken cancellationToken) =>
        writer.WriteAsync<Genre>(async session =>
        {
            if (await session.Table.GetAsync(TableLayout.GenrePk(genre.Key), TableLayout.Metadata, session.CancellationToken, consistent: true) is not null)
            {
                return new WriteError(WriteFailure.AlreadyExists, GenreResource, genre.Key);
            }
            if (WriteSession.CheckVersion(context, null, GenreResource, genre.Key) is { } stale)
            {
                return stale;
            }
            session.ExpectAbsent(TableLayout.GenrePk(genre.Key), TableLayout.Metadata);
            session.ExpectAbsent(TableLayout.GenresListPk, TableLayout.GenreListSk(genre.Key));
            var created = genre with { BandCount = 0 };
            var item = session.Stamp(Items.Genre(created), null, context);
            var plan = new WritePlan().Put(item).Put(session.Stamp(Items.GenreSummary(created), null, context));
            await session.CommitAsync(plan, context, AuditActions.Create, "genre", genre.Key, null, item);
            return new Written<Genre>(created, WriteSession.StampOf(item), true, new ChangeSet([], [], [genre.Key], [], GenreList: true), []);
        }, cancellationToken);

    public Task<WriteResult<Genre>> UpdateGenreAsync(Genre genre, WriteContext context, CancellationToken cancellationToken) =>
        writer.WriteAsync<Genre>(async session =>
        {
            var items = await session.Table.QueryPartitionAsync(TableLayout.GenrePk(genre.Key), session.CancellationToken, consistent: true);
            if (items.FirstOrDefault(i => Items.TypeOf(i) == TableLayout.Types.Genre) is not { } previousItem)
            {
                return new WriteError(WriteFailure.NotFound, GenreResource, genre.Key);
            }
            if (WriteSession.CheckVersion(context, previousItem, GenreResource, genre.Key) is { } stale)
            {
                return stale;
            }
            var previous = Items.ReadGenre(previousItem);
            var updated = genre with { BandCount = previous.BandCount };
            var plan = new WritePlan();
            var item = session.Stamp(Items.Genre(updated), previousItem, context);
            plan.Put(item).Put(session.Stamp(Items.GenreSummary(updated), previousItem, context));

            var bandKeys = items.Where(i => Items.TypeOf(i) == TableLayout.Types.GenreBand).Select(i => Items.ReadGenreBand(i).BandKey).ToList();
            var copied = (updated.Name, updated.Description) != (previous.Name, previous.Description);
            if (copied)
            {
                foreach (var bandItem in await session.Table.BatchGetAsync(bandKeys.Select(b => (TableLayout.BandPk(b), TableLayout.Metadata)), session.CancellationToken, consistent: true))
                {
                    var detail = Items.ReadBandDetail(bandItem);
                    var genres = detail.Genres.Select(g => g.Key == genre.Key ? BandGenre.From(updated) : g).ToList();
                    plan.Put(session.Stamp(Items.Band(detail with { Genres = genres }), bandItem, context));
                }
            }
            if (updated.Name != previous.Name)
            {
                // The band list prints genre names.
                foreach (var row in (await BandRows.LoadAsync(session, bandKeys)).Values)
                {
                    var names = row.Summary.GenreKeys.Zip(row.Summary.GenreNames, (k, n) => k == genre.Key ? updated.Name : n).ToList();
                    plan.Put(session.Stamp(Items.BandSummary(row.Summary with { GenreNames = names }), row.Item, context));
                }
            }
            await session.CommitAsync(plan, context, AuditActions.Update, "genre", genre.Key, previousItem, item);
            return new Written<Genre>(updated, WriteSession.StampOf(item), false,
                new ChangeSet([], [], [genre.Key], [], GenreList: true, BandList: updated.Name != previous.Name), []);
        }, cancellationToken);

    public Task<WriteResult<Role>> CreateRoleAsync(Role role, WriteContext context, CancellationToken cancellationToken) =>
        writer.WriteAsync<Role>(async session =>
        {
            if (await session.Table.GetAsync(TableLayout.RolePk(role.Key), TableLayout.Metadata, session.CancellationToken, consistent: true) is not null)
            {
                return new WriteError(WriteFailure.AlreadyExists, RoleResource, role.Key);
            }
            if (WriteSession.CheckVersion(context, null, RoleResource, role.Key) is { } stale)
            {
                return stale;
            }
            session.ExpectAbsent(TableLayout.RolePk(role.Key), TableLayout.Metadata);
            session.ExpectAbsent(TableLayout.RolesListPk, TableLayout.RoleListSk(role.Key));
            var created = role with { BandMemberCount = 0 };
            var item = session.Stamp(Items.Role(created), null, context);
            var plan = new WritePlan().Put(item).Put(session.Stamp(Items.RoleSummary(created), null, context));
            await session.CommitAsync(plan, context, AuditActions.Create, "role", role.Key, null, item);
            return new Written<Role>(created, WriteSession.StampOf(item), true, new ChangeSet([], [], [], [role.Key], RoleList: true), []);
        }, cancellationToken);

    public Task<WriteResult<Role>> UpdateRoleAsync(Role role, WriteContext context, CancellationToken cancellationToken) =>
        writer.WriteAsync<Role>(async session =>
        {
            var items = await session.Table.QueryPartitionAsync(TableLayout.RolePk(role.Key), session.CancellationToken, consistent: true);
            if (items.FirstOrDefault(i => Items.TypeOf(i) == TableLayout.Types.Role) is not { } previousItem)
            {
                return new WriteError(WriteFailure.NotFound, RoleResource, role.Key);
            }
            if (WriteSession.CheckVersion(context, previousItem, RoleResource, role.Key) is { } stale)
            {
                return stale;
            }
            var previous = Items.ReadRole(previousItem);
            var updated = role with { BandMemberCount = previous.BandMemberCount };
            var plan = new WritePlan();
            var item = session.Stamp(Items.Role(updated), previousItem, context);
            plan.Put(item).Put(session.Stamp(Items.RoleSummary(updated), previousItem, context));
            if ((updated.Name, updated.Category) != (previous.Name, previous.Category))
            {
                var bandKeys = items.Where(i => Items.TypeOf(i) == TableLayout.Types.RoleMember).Select(i => Items.ReadRoleMember(i).BandKey).Distinct();
                foreach (var bandItem in await session.Table.BatchGetAsync(bandKeys.Select(b => (TableLayout.BandPk(b), TableLayout.Metadata)), session.CancellationToken, consistent: true))
                {
                    var detail = Items.ReadBandDetail(bandItem);
                    var roles = detail.Roles.Select(r => r.Key == role.Key ? BandRole.From(updated) : r).ToList();
                    plan.Put(session.Stamp(Items.Band(detail with { Roles = roles }), bandItem, context));
                }
            }
            await session.CommitAsync(plan, context, AuditActions.Update, "role", role.Key, previousItem, item);
            return new Written<Role>(updated, WriteSession.StampOf(item), false, new ChangeSet([], [], [], [role.Key], RoleList: true), []);
        }, cancellationToken);
}
