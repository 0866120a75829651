using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Amazon.DynamoDBv2.Model;
using MetalFests.Storage.Model;

namespace MetalFests.Storage;

using Item = Dictionary<string, AttributeValue>;

/// <summary>
/// Each entity as its item(s): the record's JSON as attributes, plus the keys of <see cref="TableLayout"/>
/// and the item's stamp. The only code that decides which key an entity is stored under.
/// </summary>
public static class Items
{
    public const string CreatedAt = "createdAt";
    public const string UpdatedAt = "updatedAt";
    public const string UpdatedBy = "updatedBy";
    public const string Version = "version";

    /// <summary>Who wrote an item that came from db.json (an admin write puts its API key id there).</summary>
    public const string MigrationAuthor = "migration";

    /// <summary>Attributes that say when, by whom and through which write, not what: ignored when comparing content.</summary>
    public static readonly IReadOnlySet<string> StampAttributes = new HashSet<string> { CreatedAt, UpdatedAt, UpdatedBy, Version, Writes.WriteJournal.Marker };

    public static Item Festival(Festival festival) => Build(festival, StorageJsonContext.Default.Festival, TableLayout.Types.Festival,
        TableLayout.FestivalPk(festival.Key), TableLayout.Metadata,
        (TableLayout.Gsi2PK, TableLayout.LocationPk(EntityKeys.Slugify(festival.Country))), (TableLayout.Gsi2SK, TableLayout.FestivalListSk(festival.Key)));

    public static Item Edition(Edition edition) => Build(edition, StorageJsonContext.Default.Edition, TableLayout.Types.Edition,
        TableLayout.FestivalPk(edition.FestivalKey), TableLayout.EditionSk(edition.Year),
        (TableLayout.Gsi1PK, TableLayout.EditionsByDate), (TableLayout.Gsi1SK, TableLayout.EditionByDateSk(Iso(edition.Dates.Start), edition.FestivalKey, edition.Year)));

    public static Item FestivalSummary(FestivalSummary summary) => Build(summary, StorageJsonContext.Default.FestivalSummary, TableLayout.Types.FestivalSummary,
        TableLayout.FestivalsListPk, TableLayout.FestivalListSk(summary.FestivalKey),
        summary.LatestEdition is { } latest
            ? [(TableLayout.Gsi1PK, TableLayout.UpcomingFestivals), (TableLayout.Gsi1SK, TableLayout.UpcomingSk(Iso(latest.Dates.End), summary.FestivalKey))]
            : []);

    public static Item Appearance(Appearance appearance) => Build(appearance, StorageJsonContext.Default.Appearance, TableLayout.Types.Appearance,
        TableLayout.BandPk(appearance.BandKey), TableLayout.AppearanceSk(appearance.Year, appearance.FestivalKey));

    /// <summary>The BAND item: the band plus the <c>genres</c> and <c>roles</c> its page shows, so the page is one GetItem.</summary>
    public static Item Band(BandDetail detail)
    {
        var item = Build(detail.Band, StorageJsonContext.Default.Band, TableLayout.Types.Band, TableLayout.BandPk(detail.Band.Key), TableLayout.Metadata);
        item[BandGenresAttribute] = Attribute(detail.Genres, StorageJsonContext.Default.IReadOnlyListBandGenre);
        item[BandRolesAttribute] = Attribute(detail.Roles, StorageJsonContext.Default.IReadOnlyListBandRole);
        return item;
    }

    private const string BandGenresAttribute = "genres";
    private const string BandRolesAttribute = "roles";

    public static Item BandSummary(BandSummary summary) => Build(summary, StorageJsonContext.Default.BandSummary, TableLayout.Types.BandSummary,
        TableLayout.BandsListPk, TableLayout.BandListSk(summary.Key),
        (TableLayout.Gsi3PK, TableLayout.ReviewPk(summary.Reviewed)), (TableLayout.Gsi3SK, summary.Key));

    public static Item Genre(Genre genre) => Build(genre, StorageJsonContext.Default.Genre, TableLayout.Types.Genre,
        TableLayout.GenrePk(genre.Key), TableLayout.Metadata);

    public static Item GenreSummary(Genre genre) => Build(genre, StorageJsonContext.Default.Genre, TableLayout.Types.GenreSummary,
        TableLayout.GenresListPk, TableLayout.GenreListSk(genre.Key));

    public static Item GenreBand(GenreBand entry) => Build(entry, StorageJsonContext.Default.GenreBand, TableLayout.Types.GenreBand,
        TableLayout.GenrePk(entry.GenreKey), TableLayout.GenreBandSk(entry.BandKey));

    public static Item Role(Role role) => Build(role, StorageJsonContext.Default.Role, TableLayout.Types.Role,
        TableLayout.RolePk(role.Key), TableLayout.Metadata);

    public static Item RoleSummary(Role role) => Build(role, StorageJsonContext.Default.Role, TableLayout.Types.RoleSummary,
        TableLayout.RolesListPk, TableLayout.RoleListSk(role.Key));

    public static Item RoleMember(RoleMember member, int memberIndex) => Build(member, StorageJsonContext.Default.RoleMember, TableLayout.Types.RoleMember,
        TableLayout.RolePk(member.RoleKey), TableLayout.RoleMemberSk(member.BandKey, memberIndex));

    public static Item Alias(KeyAlias alias) => Build(alias, StorageJsonContext.Default.KeyAlias, TableLayout.Types.KeyAlias,
        TableLayout.EntityPk(alias.Entity, alias.Alias), TableLayout.AliasSk);

    // Readers: an item back into its record (key and stamp attributes are not part of the record).
    public static Festival ReadFestival(Item item) => Read(item, StorageJsonContext.Default.Festival);
    public static Edition ReadEdition(Item item) => Read(item, StorageJsonContext.Default.Edition);
    public static FestivalSummary ReadFestivalSummary(Item item) => Read(item, StorageJsonContext.Default.FestivalSummary);
    public static Appearance ReadAppearance(Item item) => Read(item, StorageJsonContext.Default.Appearance);
    public static Band ReadBand(Item item) => Read(item, StorageJsonContext.Default.Band);

    public static BandDetail ReadBandDetail(Item item) => new(
        ReadBand(item),
        item.TryGetValue(BandGenresAttribute, out var genres) ? ReadAttribute(genres, StorageJsonContext.Default.IReadOnlyListBandGenre) : [],
        item.TryGetValue(BandRolesAttribute, out var roles) ? ReadAttribute(roles, StorageJsonContext.Default.IReadOnlyListBandRole) : []);
    public static BandSummary ReadBandSummary(Item item) => Read(item, StorageJsonContext.Default.BandSummary);
    public static Genre ReadGenre(Item item) => Read(item, StorageJsonContext.Default.Genre);
    public static GenreBand ReadGenreBand(Item item) => Read(item, StorageJsonContext.Default.GenreBand);
    public static Role ReadRole(Item item) => Read(item, StorageJsonContext.Default.Role);
    public static RoleMember ReadRoleMember(Item item) => Read(item, StorageJsonContext.Default.RoleMember);
    public static KeyAlias ReadAlias(Item item) => Read(item, StorageJsonContext.Default.KeyAlias);

    public static string TypeOf(Item item) => item.TryGetValue(TableLayout.TypeAttribute, out var type) ? type.S ?? "" : "";
    /// <summary>The item's version: 1 after its first write, +1 per write (an entity's ETag).</summary>
    public static long VersionOf(Item item) => item.TryGetValue(Version, out var v) ? long.Parse(v.N, CultureInfo.InvariantCulture) : 0;
    public static string? CreatedAtOf(Item item) => item.TryGetValue(CreatedAt, out var c) ? c.S : null;
    public static string? UpdatedAtOf(Item item) => item.TryGetValue(UpdatedAt, out var u) ? u.S : null;

    public static string? AuthorOf(Item item) => item.TryGetValue(UpdatedBy, out var author) ? author.S : null;
    public static string Pk(Item item) => item[TableLayout.PK].S;
    public static string Sk(Item item) => item[TableLayout.SK].S;

    /// <summary>Sets the stamp: created keeps its first value, version counts the writes.</summary>
    public static Item Stamp(Item item, Item? previous, DateTime now, string author)
    {
        var created = previous is not null && previous.TryGetValue(CreatedAt, out var c) ? c.S : null;
        var version = previous is not null && previous.TryGetValue(Version, out var v) ? long.Parse(v.N, CultureInfo.InvariantCulture) : 0;
        item[CreatedAt] = new AttributeValue(created ?? Iso(now));
        item[UpdatedAt] = new AttributeValue(Iso(now));
        item[UpdatedBy] = new AttributeValue(author);
        item[Version] = new AttributeValue { N = (version + 1).ToString(CultureInfo.InvariantCulture) };
        return item;
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public static string Iso(DateTime time) => time.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static Item Build<T>(T value, JsonTypeInfo<T> info, string type, string pk, string sk, params (string Name, string Value)[] indexKeys)
    {
        using var document = JsonSerializer.SerializeToDocument(value, info);
        var item = AttributeJson.ToItem(document.RootElement);
        item[TableLayout.PK] = new AttributeValue(pk);
        item[TableLayout.SK] = new AttributeValue(sk);
        item[TableLayout.TypeAttribute] = new AttributeValue(type);
        foreach (var (name, keyValue) in indexKeys)
        {
            item[name] = new AttributeValue(keyValue);
        }
        return item;
    }

    private static AttributeValue Attribute<T>(T value, JsonTypeInfo<T> info)
    {
        using var document = JsonSerializer.SerializeToDocument(value, info);
        return AttributeJson.ToAttribute(document.RootElement);
    }

    private static T ReadAttribute<T>(AttributeValue value, JsonTypeInfo<T> info)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            AttributeJson.Write(writer, value);
        }
        return JsonSerializer.Deserialize(buffer.WrittenSpan, info)!;
    }

    private static T Read<T>(Item item, JsonTypeInfo<T> info)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            AttributeJson.Write(writer, item);
        }
        return JsonSerializer.Deserialize(buffer.WrittenSpan, info)!;
    }
}
