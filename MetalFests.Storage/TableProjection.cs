using Amazon.DynamoDBv2.Model;
using MetalFests.Storage.Model;

namespace MetalFests.Storage;

using Item = Dictionary<string, AttributeValue>;

/// <summary>The entities of the whole table: what the migration writes and verifies.</summary>
public sealed record Dataset(
    IReadOnlyList<Festival> Festivals,
    IReadOnlyList<Edition> Editions,
    IReadOnlyList<Band> Bands,
    IReadOnlyList<Genre> Genres,
    IReadOnlyList<Role> Roles);

/// <summary>
/// Every item the table holds for a dataset: the entities, their list rows with the counts
/// (<c>festivalCount</c>, <c>bandCount</c>, <c>bandMemberCount</c>, latest edition, <c>totalEditions</c>)
/// and the adjacency items. Counts are computed here and nowhere else.
/// </summary>
public static class TableProjection
{
    public static List<Item> Items(Dataset data)
    {
        var items = new List<Item>();
        var festivalsByKey = data.Festivals.ToDictionary(f => f.Key);
        var editionsByFestival = data.Editions.ToLookup(e => e.FestivalKey);

        foreach (var festival in data.Festivals)
        {
            items.Add(Storage.Items.Festival(festival));
            items.Add(Storage.Items.FestivalSummary(Summary(festival, [.. editionsByFestival[festival.Key]])));
        }

        var festivalCounts = new Dictionary<string, int>();
        foreach (var edition in data.Editions)
        {
            items.Add(Storage.Items.Edition(edition));
            var festival = festivalsByKey[edition.FestivalKey];
            foreach (var band in edition.Bands)
            {
                festivalCounts[band.Key] = festivalCounts.GetValueOrDefault(band.Key) + 1;
                items.Add(Storage.Items.Appearance(new Appearance(band.Key, festival.Key, festival.Name, festival.Location, edition.Year, edition.Dates, band.Size)));
            }
        }

        var genreNames = data.Genres.ToDictionary(g => g.Key, g => g.Name);
        var genres = data.Genres.ToDictionary(g => g.Key);
        var roles = data.Roles.ToDictionary(r => r.Key);
        var bandCounts = new Dictionary<string, int>();
        var memberCounts = new Dictionary<string, int>();
        foreach (var band in data.Bands)
        {
            items.Add(Storage.Items.Band(Detail(band, genres, roles)));
            items.Add(Storage.Items.BandSummary(Summary(band, genreNames, festivalCounts.GetValueOrDefault(band.Key))));
            foreach (var genre in band.GenreKeys)
            {
                bandCounts[genre] = bandCounts.GetValueOrDefault(genre) + 1;
                items.Add(Storage.Items.GenreBand(new GenreBand(genre, band.Key, band.Name, band.Country, band.Reviewed)));
            }
            for (var i = 0; i < band.Members.Count; i++)
            {
                foreach (var role in band.Members[i].RoleKeys)
                {
                    memberCounts[role] = memberCounts.GetValueOrDefault(role) + 1;
                    items.Add(Storage.Items.RoleMember(new RoleMember(role, band.Key, band.Name, band.Members[i].Name), i));
                }
            }
        }

        foreach (var genre in data.Genres)
        {
            var counted = genre with { BandCount = bandCounts.GetValueOrDefault(genre.Key) };
            items.Add(Storage.Items.Genre(counted));
            items.Add(Storage.Items.GenreSummary(counted));
        }
        foreach (var role in data.Roles)
        {
            var counted = role with { BandMemberCount = memberCounts.GetValueOrDefault(role.Key) };
            items.Add(Storage.Items.Role(counted));
            items.Add(Storage.Items.RoleSummary(counted));
        }
        return items;
    }

    public static FestivalSummary Summary(Festival festival, IReadOnlyList<Edition> editions)
    {
        var latest = editions.MaxBy(e => e.Year);
        return new FestivalSummary(
            festival.Key, festival.Name, festival.Location, festival.Coordinates, festival.Website, festival.Poster,
            latest is null ? null : new LatestEdition(latest.Year, latest.Dates, latest.Bands.Count, latest.TicketPrice, latest.Currency),
            [.. editions.Select(e => e.Year).Order()],
            editions.Count);
    }

    /// <summary>A band with copies of the genres and roles it references, in the band's own order.</summary>
    public static BandDetail Detail(Band band, IReadOnlyDictionary<string, Genre> genres, IReadOnlyDictionary<string, Role> roles) => new(
        band,
        [.. band.GenreKeys.Where(genres.ContainsKey).Select(g => BandGenre.From(genres[g]))],
        [.. band.Members.SelectMany(m => m.RoleKeys).Distinct().Where(roles.ContainsKey).Select(r => BandRole.From(roles[r]))]);

    public static BandSummary Summary(Band band, IReadOnlyDictionary<string, string> genreNames, int festivalCount) =>
        new(band.Key, band.Name, band.Country, band.GenreKeys,
            [.. band.GenreKeys.Select(g => genreNames.GetValueOrDefault(g, g))],
            band.Logo, band.Reviewed, festivalCount);
}
