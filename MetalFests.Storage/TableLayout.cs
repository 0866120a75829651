namespace MetalFests.Storage;

/// <summary>
/// The single-table layout: every key format, index name and item type. Nothing outside this
/// library spells a key; see docs/data-model.md for the picture.
/// </summary>
public static class TableLayout
{
    public const string PK = "PK";
    public const string SK = "SK";
    public const string Gsi1 = "GSI1";
    public const string Gsi1PK = "GSI1PK";
    public const string Gsi1SK = "GSI1SK";
    public const string Gsi2 = "GSI2";
    public const string Gsi2PK = "GSI2PK";
    public const string Gsi2SK = "GSI2SK";
    public const string Gsi3 = "GSI3";
    public const string Gsi3PK = "GSI3PK";
    public const string Gsi3SK = "GSI3SK";

    /// <summary>The entity type of an item, stored on every item.</summary>
    public const string TypeAttribute = "Type";

    public const string Metadata = "METADATA";

    public static class Types
    {
        public const string Festival = "FESTIVAL";
        public const string Edition = "EDITION";
        public const string FestivalSummary = "FESTIVAL_METADATA";
        public const string Band = "BAND";
        public const string BandSummary = "BAND_METADATA";
        public const string Appearance = "APPEARANCE";
        public const string Genre = "GENRE";
        public const string GenreSummary = "GENRE_METADATA";
        public const string GenreBand = "GENRE_BAND";
        public const string Role = "ROLE";
        public const string RoleSummary = "ROLE_METADATA";
        public const string RoleMember = "ROLE_MEMBER";

        /// <summary>An old key of a band or festival (an older db.json's non-ASCII key) pointing at its key now.</summary>
        public const string KeyAlias = "KEY_ALIAS";

        // The write side's own items: never shown by the public API, never touched by the migration.
        public const string Journal = "JOURNAL";
        public const string JournalPage = "JOURNAL_PAGE";
        public const string Audit = "AUDIT";

        /// <summary>A shard of a memory-served partition's version (see <see cref="VersionPk"/>).</summary>
        public const string PartitionVersion = "PARTITION_VERSION";

        /// <summary>The migrator's load marker (see <see cref="LoadMarkerPk"/>).</summary>
        public const string LoadMarker = "LOAD_MARKER";

        /// <summary>Items that hold an entity; every other type above is derived from them.</summary>
        public static readonly IReadOnlySet<string> Entities = new HashSet<string> { Festival, Edition, Band, Genre, Role };

        /// <summary>Items derived from entities: list rows and adjacency items.</summary>
        public static readonly IReadOnlySet<string> Derived = new HashSet<string>
        {
            FestivalSummary, BandSummary, Appearance, GenreSummary, GenreBand, RoleSummary, RoleMember,
        };
    }

    // Partition keys of entities and their adjacency lists.
    public static string FestivalPk(string festival) => "FESTIVAL#" + festival;
    public static string BandPk(string band) => "BAND#" + band;
    public const string GenrePkPrefix = "GENRE#";
    public const string RolePkPrefix = "ROLE#";
    public static string GenrePk(string genre) => GenrePkPrefix + genre;
    public static string RolePk(string role) => RolePkPrefix + role;

    /// <summary>
    /// A key alias lives in the partition its old key would have (<c>BAND#hällas</c>), under this sort key:
    /// one GetItem resolves it, and no real entity's partition can hold it (an old key is never a valid key).
    /// </summary>
    public const string AliasSk = "ALIAS";

    /// <summary>The partition of an entity of <paramref name="entity"/> (<see cref="Types.Band"/> or <see cref="Types.Festival"/>) by key.</summary>
    public static string EntityPk(string entity, string key) => entity switch
    {
        Types.Band => BandPk(key),
        Types.Festival => FestivalPk(key),
        _ => throw new ArgumentOutOfRangeException(nameof(entity), entity, "only bands and festivals have key aliases"),
    };

    // Partitions holding the list rows of the public list endpoints.
    public const string FestivalsListPk = "METADATA#FESTIVALS";
    public const string BandsListPk = "METADATA#BANDS";
    public const string GenresListPk = "METADATA#GENRES";
    public const string RolesListPk = "METADATA#ROLES";

    public static string FestivalListSk(string festival) => "FESTIVAL#" + festival;
    public static string BandListSk(string band) => "BAND#" + band;
    public static string GenreListSk(string genre) => "GENRE#" + genre;
    public static string RoleListSk(string role) => "ROLE#" + role;

    // Sort keys inside an entity's partition.
    public const string EditionSkPrefix = "EDITION#";
    public static string EditionSk(int year) => EditionSkPrefix + year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A band's festivals: in the band's partition, newest year last.</summary>
    public const string AppearanceSkPrefix = "APPEARANCE#";
    public static string AppearanceSk(int year, string festival) => $"{AppearanceSkPrefix}{year:D4}#{festival}";

    /// <summary>A genre's bands: in the genre's partition.</summary>
    public const string GenreBandSkPrefix = "BAND#";
    public static string GenreBandSk(string band) => GenreBandSkPrefix + band;

    /// <summary>A role's members: in the role's partition, one per band member holding it.</summary>
    public const string RoleMemberSkPrefix = "MEMBER#";
    public static string RoleMemberSk(string band, int memberIndex) => $"{RoleMemberSkPrefix}{band}#{memberIndex:D3}";

    // GSI1: dates.
    public const string EditionsByDate = "EDITIONS_BY_DATE";
    public static string EditionByDateSk(string start, string festival, int year) => $"{start}#{festival}#{year:D4}";

    /// <summary>
    /// Festival list rows by the end date of their latest edition: "upcoming" means not yet ended,
    /// so one key condition (<c>GSI1SK &gt;= today</c>) selects exactly them.
    /// </summary>
    public const string UpcomingFestivals = "UPCOMING_FESTIVALS";
    public static string UpcomingSk(string end, string festival) => $"{end}#{festival}";

    // GSI2: location.
    public static string LocationPk(string countrySlug) => "LOCATION#" + countrySlug;

    // GSI3: review status (on band list rows only, so a query returns each band once).
    public const string BandsReviewed = "BANDS_REVIEWED";
    public const string BandsUnreviewed = "BANDS_UNREVIEWED";
    public static string ReviewPk(bool reviewed) => reviewed ? BandsReviewed : BandsUnreviewed;

    // The write side: the journals of writes too large for one transaction (headers, with their claim's
    // epoch, in one partition; pages in their own), and the audit log.
    public const string WritesPk = "WRITES";
    public const string JournalSkPrefix = "JOURNAL#";
    public static string JournalSk(string journalId) => JournalSkPrefix + journalId;
    public static string JournalPagesPk(string journalId) => "WRITES#" + journalId;
    public static string JournalPageSk(int page) => $"PAGE#{page:D4}";

    /// <summary>The audit log: one partition, newest last by sort key (time, then a unique id).</summary>
    public const string AuditPk = "AUDIT";
    public static string AuditSk(DateTime at, string id) => $"{at.ToUniversalTime():yyyy-MM-ddTHH:mm:ss.fffZ}#{id}";

    // Partitions each service keeps in memory (Reads/PartitionCache.cs): the four list partitions and
    // the genres' and roles' partitions (their bands and members). Every write that changes an item of
    // one puts a new token on the version shard of that item's sort key, in its own commit; a reader
    // revalidates its copy with one strongly consistent Query of the partition's version shards.
    // Sharded so that writes of unrelated rows (two bands) touch different version items: on DynamoDB,
    // two transactions touching one item conflict (Reads/PartitionVersions.cs).
    public static bool IsServedFromMemory(string pk) =>
        pk is FestivalsListPk or BandsListPk or GenresListPk or RolesListPk
        || pk.StartsWith(GenrePkPrefix, StringComparison.Ordinal) || pk.StartsWith(RolePkPrefix, StringComparison.Ordinal);

    public const int VersionShards = 8;
    public static string VersionPk(string partition) => "VERSION#" + partition;
    public static string VersionShardSk(int shard) => $"SHARD#{shard:D2}";

    /// <summary>
    /// The load marker: one item, written by the migrator, that says whether the table holds a complete, verified load
    /// of db.json (<c>Storage/LoadMarker.cs</c>). The services are ready, and answer, only while it says so.
    /// </summary>
    public const string LoadMarkerPk = "MIGRATION";
    public const string LoadMarkerSk = "LOAD";
}
