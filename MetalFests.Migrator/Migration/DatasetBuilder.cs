using MetalFests.Migrator.Normalization;
using MetalFests.Migrator.Source;
using MetalFests.Storage;
using MetalFests.Storage.Model;

namespace MetalFests.Migrator.Migration;

/// <summary>A decision the migration took about a quirk of the file, for the report.</summary>
public sealed record DuplicateMerge(string Key, IReadOnlyList<int> Records, int BaseRecord, string Rule);
public sealed record DerivedKey(string Record, string Name, string Key, string Reason);
public sealed record StubBand(string Key, string Name, IReadOnlyList<string> ReferencedBy);
public sealed record LineupDuplicate(string Festival, string Band, int Occurrences, int KeptSize);

/// <summary>An older file's non-ASCII key, transliterated (<see cref="KeyTransliteration"/>) and kept as an alias of the new key.</summary>
public sealed record TransliteratedKey(string Entity, string OldKey, string Key, string FirstRecord);

public sealed record SourceDecisions(
    IReadOnlyList<DuplicateMerge> DuplicatesMerged,
    IReadOnlyList<DerivedKey> DerivedKeys,
    IReadOnlyList<StubBand> StubBands,
    IReadOnlyList<LineupDuplicate> LineupDuplicatesCollapsed,
    int GenreStrings,
    int RoleStrings,
    int MembersWithoutRole,
    IReadOnlyList<TransliteratedKey> TransliteratedKeys,
    IReadOnlyList<DefaultApplied> DefaultsApplied);

/// <summary>
/// db.json → the dataset of the table, every quirk handled by a named rule:
/// duplicate band keys are merged onto the most complete record; a key missing or not a key is
/// derived from the name; line-up references to unknown bands become unreviewed stub bands; a band
/// listed twice on one line-up is kept once at its top billing; genres and roles are normalised;
/// prices are EUR; an edition's year is its start date's year. An older file's non-ASCII key
/// (<c>hällas</c>) is transliterated (<see cref="KeyTransliteration"/>) and kept as an alias.
/// </summary>
public static class DatasetBuilder
{
    public const string Currency = "EUR";
    private const string KeyPrefix = "band";

    public static (Dataset Dataset, SourceDecisions Decisions) Build(SourceFile source, DateOnly today)
    {
        var derived = new List<DerivedKey>();
        var transliterated = new Dictionary<(string, string), TransliteratedKey>();
        var (bands, merges) = MergeBands(source.Bands, derived, transliterated);

        var genreNames = GenreNormalizer.CanonicalNames(source.Bands.SelectMany(b => b.Genres));
        var genres = new Dictionary<string, Genre>();
        var roles = new Dictionary<string, Role>();
        var membersWithoutRole = 0;
        var bandEntities = new Dictionary<string, Band>();
        foreach (var (key, band) in bands)
        {
            var genreKeys = new List<string>();
            foreach (var raw in band.Genres)
            {
                if (GenreNormalizer.Normalize(raw) is { } genre && !genreKeys.Contains(genre.Key))
                {
                    genreKeys.Add(genre.Key);
                    genres.TryAdd(genre.Key, new Genre(genre.Key, genreNames.GetValueOrDefault(genre.Key, genre.Name), null, 0));
                }
            }
            var members = new List<Member>();
            foreach (var member in band.Members)
            {
                var parsed = RoleNormalizer.Parse(member.Role);
                membersWithoutRole += parsed.Count == 0 ? 1 : 0;
                foreach (var role in parsed)
                {
                    roles.TryAdd(role.Key, new Role(role.Key, role.Name, role.Category, null, 0));
                }
                members.Add(new Member(Text.Clean(member.Name), [.. parsed.Select(r => r.Key)]));
            }
            bandEntities[key] = new Band(key, Text.Clean(band.Name), Text.Optional(band.Country), Text.Optional(band.Description),
                Text.Optional(band.Logo), Text.Optional(band.HeadlineImage), Text.Optional(band.Website), Text.Optional(band.Spotify),
                genreKeys, members, band.Reviewed);
        }

        var festivals = new List<Festival>();
        var editions = new List<Edition>();
        var lineupDuplicates = new List<LineupDuplicate>();
        var stubs = new Dictionary<string, (string Name, List<string> Festivals)>();
        foreach (var record in source.Festivals)
        {
            var festival = new Festival(FestivalKey(record, transliterated), Text.Clean(record.Name), Text.Clean(record.Location),
                record is { Lat: { } lat, Lng: { } lng } ? new Coordinates(lat, lng) : null,
                Text.Optional(record.Website), Text.Optional(record.Poster), null);
            festivals.Add(festival);

            var lineup = new List<LineupBand>();
            foreach (var group in record.Bands.Select((band, i) => (Band: band, Key: LineupKey(band, record, i, derived, transliterated)))
                         .GroupBy(x => x.Key))
            {
                var first = group.First().Band;
                var size = group.Min(x => x.Band.Size);
                if (group.Count() > 1)
                {
                    lineupDuplicates.Add(new LineupDuplicate(festival.Key, group.Key, group.Count(), size));
                }
                lineup.Add(new LineupBand(group.Key, Text.Clean(first.Name), size));
                if (!bandEntities.ContainsKey(group.Key))
                {
                    var stub = stubs.TryGetValue(group.Key, out var s) ? s : stubs[group.Key] = (Text.Clean(first.Name), []);
                    stub.Festivals.Add(festival.Key);
                }
            }
            editions.Add(new Edition(festival.Key, festival.Name, record.Start.Year,
                new DateRange(record.Start, record.End), lineup, record.TicketPrice, Currency,
                record.End < today ? EditionStatus.Completed : EditionStatus.Announced));
        }
        foreach (var (key, stub) in stubs)
        {
            bandEntities[key] = new Band(key, stub.Name, null, null, null, null, null, null, [], [], Reviewed: false);
        }

        var dataset = new Dataset(festivals, editions, [.. bandEntities.Values.OrderBy(b => b.Key, StringComparer.Ordinal)],
            [.. genres.Values.OrderBy(g => g.Key, StringComparer.Ordinal)], [.. roles.Values.OrderBy(r => r.Key, StringComparer.Ordinal)]);
        var decisions = new SourceDecisions(merges, derived,
            [.. stubs.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new StubBand(s.Key, s.Value.Name, s.Value.Festivals))],
            lineupDuplicates,
            source.Bands.SelectMany(b => b.Genres).Distinct(StringComparer.Ordinal).Count(),
            source.Bands.SelectMany(b => b.Members).Select(m => m.Role).Distinct(StringComparer.Ordinal).Count(),
            membersWithoutRole,
            [.. transliterated.Values.OrderBy(t => t.Entity, StringComparer.Ordinal).ThenBy(t => t.OldKey, StringComparer.Ordinal)],
            source.Defaults);
        return (dataset, decisions);
    }

    /// <summary>Band records by key; records sharing a key merge onto the most complete one.</summary>
    private static (List<(string Key, SourceBand Band)> Bands, List<DuplicateMerge> Merges) MergeBands(
        IReadOnlyList<SourceBand> records, List<DerivedKey> derived, Dictionary<(string, string), TransliteratedKey> transliterated)
    {
        var byKey = new Dictionary<string, List<SourceBand>>();
        var order = new List<string>();
        foreach (var record in records)
        {
            var key = record.Key;
            if (Transliterated(TableLayout.Types.Band, key, $"bands[{record.Index}]", transliterated) is { } newKey)
            {
                key = newKey;
            }
            else if (!EntityKeys.IsValid(key))
            {
                key = EntityKeys.FromName(record.Name, KeyPrefix);
                derived.Add(new DerivedKey($"bands[{record.Index}]", record.Name, key,
                    record.Key.Length == 0 ? "empty key: derived from the name" : $"'{record.Key}' is not a valid key: derived from the name"));
            }
            if (!byKey.TryGetValue(key, out var group))
            {
                byKey[key] = group = [];
                order.Add(key);
            }
            group.Add(record);
        }

        var merges = new List<DuplicateMerge>();
        var bands = new List<(string, SourceBand)>();
        foreach (var key in order)
        {
            var group = byKey[key];
            if (group.Count == 1)
            {
                bands.Add((key, group[0]));
                continue;
            }
            var baseRecord = group.OrderByDescending(b => b.Completeness).ThenBy(b => b.Index).First();
            var others = group.Where(b => b != baseRecord).OrderBy(b => b.Index).ToList();
            var merged = baseRecord with
            {
                Country = baseRecord.Country ?? others.Select(o => o.Country).FirstOrDefault(v => v is not null),
                Description = baseRecord.Description ?? others.Select(o => o.Description).FirstOrDefault(v => v is not null),
                Logo = Text.Optional(baseRecord.Logo) ?? others.Select(o => Text.Optional(o.Logo)).FirstOrDefault(v => v is not null),
                HeadlineImage = Text.Optional(baseRecord.HeadlineImage) ?? others.Select(o => Text.Optional(o.HeadlineImage)).FirstOrDefault(v => v is not null),
                Website = Text.Optional(baseRecord.Website) ?? others.Select(o => Text.Optional(o.Website)).FirstOrDefault(v => v is not null),
                Spotify = Text.Optional(baseRecord.Spotify) ?? others.Select(o => Text.Optional(o.Spotify)).FirstOrDefault(v => v is not null),
                Genres = [.. baseRecord.Genres.Concat(others.SelectMany(o => o.Genres)).Distinct(StringComparer.Ordinal)],
                Members = baseRecord.Members.Count > 0 ? baseRecord.Members : others.Select(o => o.Members).FirstOrDefault(m => m.Count > 0) ?? [],
                Reviewed = group.Any(b => b.Reviewed),
            };
            bands.Add((key, merged));
            merges.Add(new DuplicateMerge(key, [.. group.Select(b => b.Index)], baseRecord.Index,
                "kept the most complete record; filled its empty fields from the others, united the genres, reviewed if any was"));
        }
        return (bands, merges);
    }

    private static string LineupKey(SourceLineupBand band, SourceFestival festival, int position, List<DerivedKey> derived,
        Dictionary<(string, string), TransliteratedKey> transliterated)
    {
        if (EntityKeys.IsValid(band.Key))
        {
            return band.Key;
        }
        if (Transliterated(TableLayout.Types.Band, band.Key, $"festivals[{festival.Index}].bands[{position}]", transliterated) is { } newKey)
        {
            return newKey;
        }
        var key = EntityKeys.FromName(band.Name, KeyPrefix);
        derived.Add(new DerivedKey($"festivals[{festival.Index}].bands[{position}]", band.Name, key,
            band.Key.Length == 0 ? "empty line-up key: derived from the name" : $"'{band.Key}' is not a valid key: derived from the name"));
        return key;
    }

    private static string FestivalKey(SourceFestival festival, Dictionary<(string, string), TransliteratedKey> transliterated) =>
        Transliterated(TableLayout.Types.Festival, festival.Key, $"festivals[{festival.Index}]", transliterated) ?? festival.Key;

    /// <summary>The new key of an older file's non-ASCII key, its alias noted once; null for a key of another shape.</summary>
    private static string? Transliterated(string entity, string oldKey, string record, Dictionary<(string, string), TransliteratedKey> transliterated)
    {
        if (!KeyTransliteration.Applies(oldKey) || KeyTransliteration.Transliterate(oldKey) is not { } key)
        {
            return null;
        }
        transliterated.TryAdd((entity, oldKey), new TransliteratedKey(entity, oldKey, key, record));
        return key;
    }
}
