using MetalFests.Storage.Stores;

namespace MetalFests.Api.Invalidation;

/// <summary>
/// Turns <see cref="ChangedPages.ShownBy"/> into pages, from the table as the write left it: the bands on a
/// festival's line-ups (their festival lists print it), the bands of a genre and of a role (their pages print it).
/// </summary>
public sealed class PageRelations(FestivalsStore festivals, CatalogStore catalog)
{
    public async Task<ChangedPages> ResolveAsync(ChangedPages pages, CancellationToken cancellationToken)
    {
        var found = new List<EntityPages>();
        foreach (var shown in pages.ShownBy)
        {
            found.AddRange(shown.Collection switch
            {
                Collections.Festivals => await festivals.GetWithEditionsAsync(shown.Key, cancellationToken) is { } f
                    ? f.Editions.SelectMany(e => e.Bands).Select(b => new EntityPages(Collections.Bands, b.Key, "festivals"))
                    : [],
                Collections.Genres => await catalog.GetGenreBandsAsync(shown.Key, cancellationToken) is { } g
                    ? g.Bands.Select(b => new EntityPages(Collections.Bands, b.BandKey, EntityPages.Detail))
                    : [],
                Collections.Roles => await catalog.GetRoleMembersAsync(shown.Key, cancellationToken) is { } r
                    ? r.Members.Select(m => new EntityPages(Collections.Bands, m.BandKey, EntityPages.Detail))
                    : [],
                _ => throw new ArgumentOutOfRangeException(nameof(pages), shown.Collection, "no relation known"),
            });
        }
        return pages.With(found);
    }
}
