using Amazon.DynamoDBv2.Model;
using MetalFests.Storage;

namespace MetalFests.Tests.Infrastructure;

/// <summary>
/// The stored items re-counted by the tests' own rules, not by the projection that wrote them: every reference
/// resolves; each adjacency item mirrors an entity (a band's appearances its line-ups, a genre's bands, a role's
/// members) and nothing else; each list row and count is the number of items it summarises.
/// </summary>
public static class TableRecount
{
    public sealed record Entities(
        IReadOnlyDictionary<string, Storage.Model.Band> Bands,
        IReadOnlyList<Storage.Model.Edition> Editions,
        IReadOnlyDictionary<string, Storage.Model.Genre> Genres,
        IReadOnlyDictionary<string, Storage.Model.Role> Roles,
        int Festivals);

    public static Entities AssertConsistent(IEnumerable<Dictionary<string, AttributeValue>> scan)
    {
        var items = scan.ToLookup(Items.TypeOf);
        var bands = items[TableLayout.Types.Band].Select(Items.ReadBand).ToDictionary(b => b.Key);
        var editions = items[TableLayout.Types.Edition].Select(Items.ReadEdition).ToList();
        var genres = items[TableLayout.Types.Genre].Select(Items.ReadGenre).ToDictionary(g => g.Key);
        var roles = items[TableLayout.Types.Role].Select(Items.ReadRole).ToDictionary(r => r.Key);
        var festivals = items[TableLayout.Types.Festival].Select(Items.ReadFestival).Select(f => f.Key).ToHashSet();

        Assert.All(editions, e => Assert.Contains(e.FestivalKey, festivals));
        Assert.All(editions.SelectMany(e => e.Bands), b => Assert.True(bands.ContainsKey(b.Key), b.Key));
        Assert.All(bands.Values.SelectMany(b => b.GenreKeys), g => Assert.True(genres.ContainsKey(g), g));
        Assert.All(bands.Values.SelectMany(b => b.Members).SelectMany(m => m.RoleKeys), r => Assert.True(roles.ContainsKey(r), r));

        // A band's appearances: one per line-up naming it; its list row counts them.
        Assert.Equal(
            editions.SelectMany(e => e.Bands.Select(b => $"{b.Key}@{e.FestivalKey}/{e.Year}")).Order(StringComparer.Ordinal),
            items[TableLayout.Types.Appearance].Select(Items.ReadAppearance).Select(a => $"{a.BandKey}@{a.FestivalKey}/{a.Year}").Order(StringComparer.Ordinal));
        var bandRows = items[TableLayout.Types.BandSummary].Select(Items.ReadBandSummary).ToList();
        Assert.Equal(bands.Keys.Order(StringComparer.Ordinal), bandRows.Select(r => r.Key).Order(StringComparer.Ordinal));
        Assert.All(bandRows, r => Assert.Equal(editions.Count(e => e.Bands.Any(b => b.Key == r.Key)), r.FestivalCount));

        // A genre's bands: one item per band naming it; the genre and its list row count them.
        Assert.Equal(
            bands.Values.SelectMany(b => b.GenreKeys.Select(g => $"{g}>{b.Key}")).Order(StringComparer.Ordinal),
            items[TableLayout.Types.GenreBand].Select(Items.ReadGenreBand).Select(g => $"{g.GenreKey}>{g.BandKey}").Order(StringComparer.Ordinal));
        Assert.All(genres.Values.Concat(items[TableLayout.Types.GenreSummary].Select(Items.ReadGenre)),
            g => Assert.Equal(bands.Values.Count(b => b.GenreKeys.Contains(g.Key)), g.BandCount));

        // A role's members: one item per band member holding it; the role and its list row count them.
        Assert.Equal(
            bands.Values.SelectMany(b => b.Members.SelectMany(m => m.RoleKeys.Select(r => $"{r}>{b.Key}>{m.Name}"))).Order(StringComparer.Ordinal),
            items[TableLayout.Types.RoleMember].Select(Items.ReadRoleMember).Select(m => $"{m.RoleKey}>{m.BandKey}>{m.MemberName}").Order(StringComparer.Ordinal));
        Assert.All(roles.Values.Concat(items[TableLayout.Types.RoleSummary].Select(Items.ReadRole)),
            r => Assert.Equal(bands.Values.Sum(b => b.Members.Count(m => m.RoleKeys.Contains(r.Key))), r.BandMemberCount));

        // A festival's list row: its editions, and its latest edition's line-up size.
        var festivalRows = items[TableLayout.Types.FestivalSummary].Select(Items.ReadFestivalSummary).ToList();
        Assert.Equal(festivals.Order(StringComparer.Ordinal), festivalRows.Select(f => f.FestivalKey).Order(StringComparer.Ordinal));
        Assert.All(festivalRows, row =>
        {
            var own = editions.Where(e => e.FestivalKey == row.FestivalKey).ToList();
            Assert.Equal(own.Count, row.TotalEditions);
            Assert.Equal(own.MaxBy(e => e.Year)?.Bands.Count, row.LatestEdition?.BandCount);
        });
        return new Entities(bands, editions, genres, roles, festivals.Count);
    }
}
