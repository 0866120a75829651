using MetalFests.Storage.Model;
using MetalFests.Storage.Writes;

namespace MetalFests.Api.Invalidation;

/// <summary>The public collections: <c>/api/{name}</c> and its entities' pages <c>/api/{name}/{key}…</c>.</summary>
public static class Collections
{
    public const string Festivals = "festivals";
    public const string Bands = "bands";
    public const string Genres = "genres";
    public const string Roles = "roles";
}

/// <summary>
/// Pages of one entity a write changed: all of them (<see cref="Only"/> null: its page and every page
/// below it), or just one — its own page (<see cref="Only"/> empty) or a named sub-page (<c>festivals</c>).
/// </summary>
public sealed record EntityPages(string Collection, string Key, string? Only = null)
{
    public const string Detail = "";

    public static EntityPages All(string collection, string key) => new(collection, key);
}

/// <summary>
/// The public pages a write changed, as the read endpoints label them (a page is labelled with what it
/// shows): the collections whose lists changed, and entities' pages. Relations a write does not know
/// (the bands on a festival's line-ups, the bands of a genre or role) are named in <see cref="ShownBy"/>
/// for a provider that needs them as paths (<see cref="PageRelations"/>); the edge evicts them by label.
/// </summary>
public sealed record ChangedPages(IReadOnlySet<string> Lists, IReadOnlySet<EntityPages> Entities, IReadOnlySet<EntityPages> ShownBy)
{
    public static ChangedPages Of<T>(Written<T> written)
    {
        var changes = written.Changes;
        var lists = new HashSet<string>(StringComparer.Ordinal);
        if (changes.FestivalList) lists.Add(Collections.Festivals);
        if (changes.BandList) lists.Add(Collections.Bands);
        if (changes.GenreList) lists.Add(Collections.Genres);
        if (changes.RoleList) lists.Add(Collections.Roles);

        var entities = new HashSet<EntityPages>();
        entities.UnionWith(changes.Festivals.Select(f => EntityPages.All(Collections.Festivals, f)));
        entities.UnionWith(changes.Bands.Select(b => EntityPages.All(Collections.Bands, b)));
        entities.UnionWith(changes.Genres.Select(g => EntityPages.All(Collections.Genres, g)));
        entities.UnionWith(changes.Roles.Select(r => EntityPages.All(Collections.Roles, r)));
        // Line-ups print the band: the festivals it plays (a band update names them).
        entities.UnionWith(written.AffectedFestivals.Select(f => EntityPages.All(Collections.Festivals, f)));

        var shownBy = new HashSet<EntityPages>();
        switch (written.Entity)
        {
            case Band band:
                // A genre's band list and a role's member list print the band's name, country, review state.
                entities.UnionWith(band.GenreKeys.Select(g => new EntityPages(Collections.Genres, g, "bands")));
                entities.UnionWith(band.Members.SelectMany(m => m.RoleKeys).Select(r => new EntityPages(Collections.Roles, r, "members")));
                break;
            case Festival festival:
                // A band's festival list prints the festival: the bands on its line-ups.
                shownBy.Add(EntityPages.All(Collections.Festivals, festival.Key));
                break;
            case Genre genre:
                // A band's page prints its genres.
                shownBy.Add(EntityPages.All(Collections.Genres, genre.Key));
                break;
            case Role role:
                // A band's page prints its members' roles.
                shownBy.Add(EntityPages.All(Collections.Roles, role.Key));
                break;
        }
        return new ChangedPages(lists, entities, shownBy);
    }

    public ChangedPages With(IEnumerable<EntityPages> more) => this with { Entities = Entities.Concat(more).ToHashSet(), ShownBy = new HashSet<EntityPages>() };
}
