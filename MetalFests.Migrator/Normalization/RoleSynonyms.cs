namespace MetalFests.Migrator.Normalization;

/// <summary>
/// The synonym table: how the spellings found in line-ups map to the canonical keys of <see cref="RoleCatalog"/>.
/// Every entry is written as a slug (see <c>EntityKeys.Slugify</c>), so case, accents and hyphens do not matter.
/// </summary>
internal static class RoleSynonyms
{
    /// <summary>Whole spellings of a role → its canonical key.</summary>
    public static readonly IReadOnlyDictionary<string, string> ByPhrase = Table(new()
    {
        ["vocals"] = ["voice", "voce", "chant", "gesang", "vocalista", "vocalista-de-sessao", "lead-vocals", "co-lead-vocals", "co-vocals", "co-vocalist", "lead-singer"],
        ["backing-vocals"] = ["background-vocals", "backup-vocals", "support-vocals", "supporting-vocals", "backing-choir"],
        ["harsh-vocals"] = ["unclean-vocals", "growls", "growl", "growling", "growled-vocals", "death-growls", "screaming", "screams", "scream", "shouting", "shouts"],
        ["rap-vocals"] = ["rap", "rapper", "rapping", "mc"],
        ["throat-singing"] = ["throat-singer", "lead-throat-singer"],
        ["choir"] = ["choirs", "choir-vocals", "childrens-choir"],

        ["guitar"] = ["guitarra", "gitarre", "guitare", "chitara", "electric-guitar", "second-guitar", "backing-guitar"],
        ["lead-guitar"] = ["solo-guitar", "guitar-solos"],
        ["bass"] = ["bass-guitar", "baixo", "bas", "basse", "fretless-bass"],
        ["double-bass"] = ["upright-bass", "kontrabass", "contrabass"],
        ["violin"] = ["fiddle", "fiddler"],
        ["mandolin"] = ["mandoline"],
        ["bouzouki"] = ["irish-bouzouki"],
        ["nyckelharpa"] = ["key-harp"],
        ["tagelharpa"] = ["taglharpa", "talharpa"],
        ["moraharpa"] = ["mora-harp"],
        ["saz"] = ["amplified-saz"],

        ["drums"] = ["drum", "drumming", "drum-kit", "bateria", "batterie", "schlagzeug", "tobe"],
        ["percussion"] = ["schlagwerk"],

        ["keyboards"] = ["clavier"],
        ["piano"] = ["klavier"],
        ["accordion"] = ["akkordeon"],
        ["flute"] = ["floten"],
        ["saxophone"] = ["sax"],
        ["trumpet"] = ["trompete"],
        ["shawm"] = ["schalmei"],
        ["bagpipes"] = ["pipes"],
        ["whistles"] = ["whistle", "tin-whistle", "various-whistles"],

        ["programming"] = ["drum-programming", "drum-sequencing", "sequencing"],
        ["samples"] = ["sample", "sampler", "sampling"],
        ["dj"] = ["turntables", "turntablist", "metal-dj"],
        ["electronics"] = ["electronic", "electronic-instruments"],
        ["sound-effects"] = ["effects", "fx", "fx-sound", "sfx"],

        ["multi-instrumentalist"] = ["all-instruments", "everything", "instruments", "various-instruments", "other-instruments", "instrumentation"],
        ["producer"] = ["production", "producing"],
        ["songwriting"] = ["songwriter"],
        ["composer"] = ["composition", "composing"],
        ["lyrics"] = ["lyricist"],
        ["orchestration"] = ["orchestrations", "orchestral-arrangements", "orchestration-arrangements"],
        ["conductor"] = ["kapellmeister", "musical-director"],
        ["bandleader"] = ["band-leader", "leader"],
        ["dance"] = ["dancing", "dancer"],
        ["band"] = ["band-members", "backing-band", "metal-band", "metal-band-members"],
    });

    /// <summary>Single words that name two roles at once.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Compounds = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["singer-songwriter"] = ["vocals", "songwriting"],
        ["singer-composer"] = ["vocals", "composer"],
    };

    /// <summary>
    /// The last word of a role, as player or plural → the instrument word, so "Lead Guitarist" meets "Lead Guitar",
    /// "Backing Vocalist" meets "Backing Vocals", and an unlisted "Baritone Guitars" is named "Baritone Guitar".
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> HeadWords = Table(new()
    {
        ["guitar"] = ["guitars", "guitarist", "guitarists"],
        ["vocals"] = ["vocal", "vocalist", "vocalists", "singer"],
        ["bass"] = ["bassist"],
        ["drums"] = ["drummer"],
        ["keyboards"] = ["keyboard", "keyboardist", "keys"],
        ["percussion"] = ["percussions", "percussionist"],
        ["piano"] = ["pianist"],
        ["organ"] = ["organist"],
        ["violin"] = ["violins", "violinist"],
        ["viola"] = ["violas"],
        ["cello"] = ["cellos", "cellist"],
        ["harp"] = ["harpist"],
        ["flute"] = ["flutes", "flautist", "flutist"],
        ["saxophone"] = ["saxophones", "saxophonist"],
        ["trumpet"] = ["trumpets", "trumpeter"],
        ["bagpipes"] = ["bagpipe"],
        ["synthesizer"] = ["synth", "synths", "synthesizers", "synthesiser", "synthesisers"],
        ["keytar"] = ["keytarist"],
        ["vibraphone"] = ["vibraphonist"],
        ["accordion"] = ["accordionist"],
        ["programming"] = ["programmer"],
    });

    /// <summary>
    /// Words that say when, where or how often someone plays, not what: dropped from the front of a role
    /// ("Live Drums", "Session Guitarist", "Occasional Lead Vocals", "Female Vocals").
    /// </summary>
    public static readonly IReadOnlySet<string> NoiseWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "live", "session", "studio", "touring", "additional", "occasional", "main", "primary", "former", "guest", "also",
        "female", "male",
    };

    /// <summary>
    /// Words that qualify a role and may stand apart from it: in lists ("Lead And Rhythm Guitars",
    /// "Backing And Lead Vocals") and in parentheses ("Guitars (Lead)", "Vocals (Backing)").
    /// </summary>
    public static readonly IReadOnlySet<string> Qualifiers = new HashSet<string>(NoiseWords, StringComparer.Ordinal)
    {
        "lead", "rhythm", "backing", "background", "backup", "acoustic", "electric", "clean", "harsh", "unclean",
    };

    /// <summary>Qualifiers that, when the qualified role is unlisted, say nothing the role does not ("Lead Cello" is "Cello").</summary>
    public static readonly IReadOnlySet<string> DroppableLeadWords = new HashSet<string>(StringComparer.Ordinal) { "lead", "rhythm", "solo" };

    /// <summary>Whole strings (as slugs) that stand in for a missing role.</summary>
    public static readonly IReadOnlySet<string> Placeholders = new HashSet<string>(StringComparer.Ordinal)
    {
        "", "n-a", "na", "none", "unknown", "not-specified", "unspecified", "role-not-specified", "band-member-role", "tba", "tbd",
    };

    private static Dictionary<string, string> Table(Dictionary<string, string[]> spellingsByTarget)
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (target, spellings) in spellingsByTarget)
        {
            foreach (var spelling in spellings)
            {
                table.Add(spelling, target);
            }
        }
        return table;
    }
}
