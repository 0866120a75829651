using Category = MetalFests.Storage.Model.RoleCategories;

namespace MetalFests.Migrator.Normalization;

/// <summary>
/// The category table: every canonical role key with its display name and category, and the keyword rule
/// that gives a category to a role the table does not list.
/// </summary>
internal static class RoleCatalog
{
    public static readonly IReadOnlyDictionary<string, (string Name, string Category)> Roles =
        new Dictionary<string, (string Name, string Category)>(StringComparer.Ordinal)
        {
            // "Vocals" on its own means the lead singer in these line-ups, so "Lead Vocals" is the same role;
            // backing, clean and harsh vocals are told apart because line-ups list them as separate jobs.
            ["vocals"] = ("Vocals", Category.Voice),
            ["backing-vocals"] = ("Backing Vocals", Category.Voice),
            ["clean-vocals"] = ("Clean Vocals", Category.Voice),
            ["harsh-vocals"] = ("Harsh Vocals", Category.Voice),
            ["rap-vocals"] = ("Rap Vocals", Category.Voice),
            ["throat-singing"] = ("Throat Singing", Category.Voice),
            ["choir"] = ("Choir", Category.Voice),

            // Lead and rhythm guitar stay apart from plain guitar: twin-guitar line-ups name them as distinct jobs.
            ["guitar"] = ("Guitar", Category.String),
            ["lead-guitar"] = ("Lead Guitar", Category.String),
            ["rhythm-guitar"] = ("Rhythm Guitar", Category.String),
            ["acoustic-guitar"] = ("Acoustic Guitar", Category.String),
            ["guitar-synthesizer"] = ("Guitar Synthesizer", Category.String),
            ["bass"] = ("Bass", Category.String),
            ["double-bass"] = ("Double Bass", Category.String),
            ["violin"] = ("Violin", Category.String),
            ["viola"] = ("Viola", Category.String),
            ["cello"] = ("Cello", Category.String),
            ["mandolin"] = ("Mandolin", Category.String),
            ["banjo"] = ("Banjo", Category.String),
            ["bouzouki"] = ("Bouzouki", Category.String),
            ["hurdy-gurdy"] = ("Hurdy-Gurdy", Category.String),
            ["harp"] = ("Harp", Category.String),
            ["lute"] = ("Lute", Category.String),
            ["lyre"] = ("Lyre", Category.String),
            ["nyckelharpa"] = ("Nyckelharpa", Category.String),
            ["tagelharpa"] = ("Tagelharpa", Category.String),
            ["moraharpa"] = ("Moraharpa", Category.String),
            ["morin-khuur"] = ("Morin Khuur", Category.String),
            ["ukulele"] = ("Ukulele", Category.String),
            ["saz"] = ("Saz", Category.String),
            // The trumpet marine is a bowed monochord, not a brass instrument.
            ["marine-trumpet"] = ("Marine Trumpet", Category.String),

            ["drums"] = ("Drums", Category.Percussion),
            ["percussion"] = ("Percussion", Category.Percussion),
            ["cajon"] = ("Cajón", Category.Percussion),
            ["bodhran"] = ("Bodhrán", Category.Percussion),
            ["bones"] = ("Bones", Category.Percussion),
            ["toere"] = ("To'ere", Category.Percussion),

            ["keyboards"] = ("Keyboards", Category.Keyboard),
            ["piano"] = ("Piano", Category.Keyboard),
            ["organ"] = ("Organ", Category.Keyboard),
            // Synths are played from a keyboard in these bands; sampling and programming are the electronic jobs.
            ["synthesizer"] = ("Synthesizer", Category.Keyboard),
            ["keytar"] = ("Keytar", Category.Keyboard),
            ["accordion"] = ("Accordion", Category.Keyboard),

            ["saxophone"] = ("Saxophone", Category.Wind),
            ["trumpet"] = ("Trumpet", Category.Wind),
            ["trombone"] = ("Trombone", Category.Wind),
            ["flute"] = ("Flute", Category.Wind),
            ["bagpipes"] = ("Bagpipes", Category.Wind),
            ["whistles"] = ("Whistles", Category.Wind),
            ["clarinet"] = ("Clarinet", Category.Wind),
            ["harmonica"] = ("Harmonica", Category.Wind),
            ["shawm"] = ("Shawm", Category.Wind),
            ["wind-instruments"] = ("Wind Instruments", Category.Wind),

            ["programming"] = ("Programming", Category.Electronic),
            ["samples"] = ("Samples", Category.Electronic),
            ["dj"] = ("DJ", Category.Electronic),
            ["electronics"] = ("Electronics", Category.Electronic),
            ["sound-effects"] = ("Sound Effects", Category.Electronic),
            ["drum-machine"] = ("Drum Machine", Category.Electronic),

            ["multi-instrumentalist"] = ("Multi-Instrumentalist", Category.Other),
            ["producer"] = ("Producer", Category.Other),
            ["songwriting"] = ("Songwriting", Category.Other),
            ["composer"] = ("Composer", Category.Other),
            ["lyrics"] = ("Lyrics", Category.Other),
            ["orchestration"] = ("Orchestration", Category.Other),
            ["conductor"] = ("Conductor", Category.Other),
            ["bandleader"] = ("Bandleader", Category.Other),
            ["dance"] = ("Dance", Category.Other),
            ["band"] = ("Band", Category.Other),
            ["orchestra"] = ("Orchestra", Category.Other),
            ["drum-major"] = ("Drum Major", Category.Other),
            ["vocal-coach"] = ("Vocal Coach", Category.Other),
            // A jaw harp is plucked but is no string instrument.
            ["mouth-harp"] = ("Mouth Harp", Category.Other),
        };

    // Checked in this order, so the more specific family wins: "Drum Programming" is electronic,
    // "Bass Drum" percussion, "Harpsichord" keyboard, "Tenor Saxophone" and "Bassoon" wind, "Baritone Guitar" string.
    // A stem may begin or end a word ("Drummer", "Flugelhorn", "Kontrabass"); a word must be the whole word
    // (or its plural), or "Djevel" would be electronic, "Mcfife" a rapper and "Organizer" a keyboard.
    private static readonly (string Category, string[] Stems, string[] Words)[] KeywordsByPrecedence =
    [
        (Category.Electronic,
            ["programm", "sampl", "turntabl", "electronic", "sequenc", "looping", "effect", "theremin", "talkbox"],
            ["dj", "beat", "fx", "sfx", "tape", "noise", "machine", "laptop", "loop"]),
        (Category.Percussion,
            ["drum", "percuss", "perkuss", "cajon", "conga", "bongo", "timpani", "tambourin", "glockenspiel", "cowbell", "darbuka", "davul", "bodhran", "snare", "cymbal", "vibraphon", "marimba", "xylophon", "schlagwerk", "schlagzeug", "batterie", "bateria"],
            ["dhol", "daf", "anvil", "gong", "tabla"]),
        (Category.Keyboard,
            ["keyboard", "keytar", "piano", "pianist", "organist", "synth", "harpsichord", "clavier", "klavier", "accordion", "akkordeon", "mellotron"],
            ["keys", "organ"]),
        (Category.Wind,
            ["flute", "flaut", "saxo", "trumpet", "trompet", "trombon", "horn", "bagpipe", "whistle", "clarinet", "bassoon", "sousaphon", "helicon", "mellophon", "euphonium", "didgeridoo", "harmonica", "recorder", "shawm", "schalmei", "piccolo", "biniou", "melodica", "concertina", "shruti"],
            ["floten", "sax", "pipe", "tsuur", "oboe", "tuba", "brass", "wind", "lur", "zurna", "duduk", "kaval", "gaita"]),
        (Category.String,
            ["guitar", "gitar", "chitar", "bass", "violin", "viola", "cello", "fiddle", "mandolin", "banjo", "bouzouk", "gurdy", "harp", "harpa", "lute", "lyre", "ukulele", "sitar", "balalaika", "zither", "citera", "dulcimer", "kantele", "cittern", "khuur", "shuur", "santur", "qanun", "cimbalom", "hackbrett", "trumscheit", "quinton", "string"],
            ["viol", "lyra", "saz", "gudok", "oud", "koto", "kora"]),
        (Category.Voice,
            ["vocal", "singer", "singing", "scream", "growl", "shout", "choir", "rapper", "rapping", "beatbox", "tenor", "baritone", "soprano", "throat", "yodel"],
            ["voice", "voce", "sing", "chant", "gesang", "rap", "mc", "alto"]),
    ];

    public static bool IsKnown(string key) => Roles.ContainsKey(key);

    public static RoleRef Get(string key)
    {
        var (name, category) = Roles[key];
        return new RoleRef(key, name, category);
    }

    /// <summary>The category of an unlisted role, from the words of its key; <see cref="Category.Other"/> when none matches.</summary>
    public static string InferCategory(string key)
    {
        var words = key.Split('-');
        foreach (var (category, stems, wholeWords) in KeywordsByPrecedence)
        {
            if (words.Any(word => stems.Any(stem => word.StartsWith(stem, StringComparison.Ordinal) || word.EndsWith(stem, StringComparison.Ordinal))
                || wholeWords.Any(whole => word == whole || word == whole + "s")))
            {
                return category;
            }
        }
        return Category.Other;
    }
}
