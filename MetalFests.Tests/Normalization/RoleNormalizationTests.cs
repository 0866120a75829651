using MetalFests.Migrator.Normalization;
using MetalFests.Storage;
using MetalFests.Storage.Model;

namespace MetalFests.Tests.Normalization;

public class RoleNormalizationTests
{
    private static string Keys(string? raw) => string.Join(" ", RoleNormalizer.Parse(raw).Select(role => role.Key));

    [Theory]
    [InlineData("Guitar", "guitar")]
    [InlineData("Guitars", "guitar")]
    [InlineData("Guitarist", "guitar")]
    [InlineData("Electric Guitar", "guitar")]
    [InlineData("Guitarra", "guitar")]
    [InlineData("Gitarre", "guitar")]
    [InlineData("Drummer", "drums")]
    [InlineData("Schlagzeug", "drums")]
    [InlineData("Bassist", "bass")]
    [InlineData("Bass Guitar", "bass")]
    [InlineData("Baixo", "bass")]
    [InlineData("Vocalist", "vocals")]
    [InlineData("Vocal", "vocals")]
    [InlineData("Singer", "vocals")]
    [InlineData("Lead Vocals", "vocals")]
    [InlineData("Lead Singer", "vocals")]
    [InlineData("Gesang", "vocals")]
    [InlineData("Keyboard", "keyboards")]
    [InlineData("Keyboardist", "keyboards")]
    [InlineData("Keys", "keyboards")]
    [InlineData("Backing Vocalist", "backing-vocals")]
    [InlineData("Background Vocals", "backing-vocals")]
    [InlineData("Backup Vocals", "backing-vocals")]
    [InlineData("Lead Guitarist", "lead-guitar")]
    [InlineData("Solo Guitar", "lead-guitar")]
    [InlineData("Rhythm Guitarist", "rhythm-guitar")]
    [InlineData("Growls", "harsh-vocals")]
    [InlineData("Unclean Vocals", "harsh-vocals")]
    [InlineData("Synths", "synthesizer")]
    [InlineData("Turntablist", "dj")]
    [InlineData("Everything", "multi-instrumentalist")]
    public void Synonyms_map_to_one_key(string raw, string key) =>
        Assert.Equal(key, Keys(raw));

    [Theory]
    [InlineData("Guitars", "guitar", "Guitar", RoleCategories.String)]
    [InlineData("vocalist", "vocals", "Vocals", RoleCategories.Voice)]
    [InlineData("Drummer", "drums", "Drums", RoleCategories.Percussion)]
    [InlineData("Keys", "keyboards", "Keyboards", RoleCategories.Keyboard)]
    [InlineData("Synth", "synthesizer", "Synthesizer", RoleCategories.Keyboard)]
    [InlineData("Saxophones", "saxophone", "Saxophone", RoleCategories.Wind)]
    [InlineData("Dj", "dj", "DJ", RoleCategories.Electronic)]
    [InlineData("Sampler", "samples", "Samples", RoleCategories.Electronic)]
    [InlineData("Production", "producer", "Producer", RoleCategories.Other)]
    [InlineData("Hurdy Gurdy", "hurdy-gurdy", "Hurdy-Gurdy", RoleCategories.String)]
    [InlineData("Cajon", "cajon", "Cajón", RoleCategories.Percussion)]
    public void A_canonical_role_has_one_title_case_name_and_one_category(string raw, string key, string name, string category) =>
        Assert.Equal([new RoleRef(key, name, category)], RoleNormalizer.Parse(raw));

    [Theory]
    [InlineData("Vocals, Guitar", "vocals guitar")]
    [InlineData("Guitar/Vocals", "guitar vocals")]
    [InlineData("Vocals / Guitar", "vocals guitar")]
    [InlineData("Vocals And Bass", "vocals bass")]
    [InlineData("Vocals & Guitar", "vocals guitar")]
    [InlineData("Vocals; Guitar", "vocals guitar")]
    [InlineData("Vocals + Guitar", "vocals guitar")]
    [InlineData("Vocalist And Guitarist", "vocals guitar")]
    [InlineData("Whistle, Bagpipe, Bouzouki, And Vocals", "whistles bagpipes bouzouki vocals")]
    [InlineData("Lead Guitar, Backing Vocals", "lead-guitar backing-vocals")]
    public void Multi_role_strings_split_into_each_role(string raw, string keys) =>
        Assert.Equal(keys, Keys(raw));

    [Theory]
    [InlineData("Bass (2016–Present)", "bass")]
    [InlineData("Lead Guitar, Backing Vocals (Live)", "lead-guitar backing-vocals")]
    [InlineData("Drums (Touring Member)", "drums")]
    [InlineData("Guitar (Vltimas, Ex-Mayhem)", "guitar")]
    [InlineData("Lead Vocals (Blöthar The Berserker)", "vocals")]
    [InlineData("Drums (Tracks 1, 2, 5, 6, 8)", "drums")]
    [InlineData("Vocals (1998–1999, 2002, 2014–Present), Guitars (2005–2014)", "vocals guitar")]
    [InlineData("Bass [Studio Only]", "bass")]
    [InlineData("Bass (unclosed note", "bass")]
    public void Parenthesised_notes_are_stripped(string raw, string keys) =>
        Assert.Equal(keys, Keys(raw));

    [Theory]
    [InlineData("Guitars (Lead)", "lead-guitar")]
    [InlineData("Guitars (Rhythm), Bass", "rhythm-guitar bass")]
    [InlineData("Vocals (Backing)", "backing-vocals")]
    [InlineData("Vocals (Clean)", "clean-vocals")]
    [InlineData("Vocals (Female)", "vocals")]
    [InlineData("Guitars (Lead, Rhythm, Acoustic)", "lead-guitar rhythm-guitar acoustic-guitar")]
    public void A_bracketed_qualifier_qualifies_its_role(string raw, string keys) =>
        Assert.Equal(keys, Keys(raw));

    [Theory]
    [InlineData("Su-Metal (Lead Vocals, Dancing)", "vocals dance")]
    [InlineData("The Viking (Bass)", "bass")]
    [InlineData("Zargothrax (Keyboards, Backing Vocals, Guitars)", "keyboards backing-vocals guitar")]
    [InlineData("(Vocals)", "vocals")]
    public void Roles_in_brackets_after_a_stage_name_are_the_roles(string raw, string keys) =>
        Assert.Equal(keys, Keys(raw));

    [Theory]
    [InlineData("Vocals (Growls)", "vocals harsh-vocals")]
    [InlineData("Everything (Vocals, Guitars, Bass, Drums, Songwriting)", "multi-instrumentalist vocals guitar bass drums songwriting")]
    [InlineData("Drums, Vocals (Choirs) (2006–Present)", "drums vocals choir")]
    public void Roles_in_brackets_after_a_role_are_added_to_it(string raw, string keys) =>
        Assert.Equal(keys, Keys(raw));

    [Theory]
    [InlineData("Lead And Rhythm Guitars", "lead-guitar rhythm-guitar")]
    [InlineData("Backing And Lead Vocals", "backing-vocals vocals")]
    [InlineData("Bassist, Backing And Occasional Lead Vocals", "bass backing-vocals vocals")]
    [InlineData("Rhythm, Lead & Spanish Guitars", "rhythm-guitar lead-guitar spanish-guitar")]
    [InlineData("Acoustic & Electric Guitar", "acoustic-guitar guitar")]
    [InlineData("Guitar, Acoustic", "guitar acoustic-guitar")]
    public void A_lone_qualifier_takes_the_instrument_of_its_neighbour(string raw, string keys) =>
        Assert.Equal(keys, Keys(raw));

    [Theory]
    [InlineData("Live Drums", "drums")]
    [InlineData("Session Guitarist", "guitar")]
    [InlineData("Touring Bass", "bass")]
    [InlineData("Female Vocals", "vocals")]
    [InlineData("Occasional Keyboard", "keyboards")]
    [InlineData("Harmonica Player", "harmonica")]
    [InlineData("Lead Cello", "cello")]
    [InlineData("Co-Lead Vocals", "vocals")]
    public void Words_about_when_or_how_someone_plays_make_no_new_role(string raw, string keys) =>
        Assert.Equal(keys, Keys(raw));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("[Not Specified]")]
    [InlineData("Not Specified")]
    [InlineData("Unknown")]
    [InlineData("N/A")]
    [InlineData("[Role]")]
    [InlineData("Role 3")]
    [InlineData("-")]
    [InlineData("Live")]
    public void Strings_without_a_role_give_an_empty_list(string? raw) =>
        Assert.Empty(RoleNormalizer.Parse(raw));

    [Theory]
    [InlineData("Vocals, Lead Vocals, Guitar, Vocalist", "vocals guitar")]
    [InlineData("Bass, Vocals (Additional), Vocals (Lead)", "bass vocals")]
    [InlineData("Guitar, Drums, Guitars", "guitar drums")]
    public void Duplicates_are_removed_in_order_of_first_appearance(string raw, string keys) =>
        Assert.Equal(keys, Keys(raw));

    [Theory]
    [InlineData("Slide Guitar", "slide-guitar", "Slide Guitar", RoleCategories.String)]
    [InlineData("Baritone Guitars", "baritone-guitar", "Baritone Guitar", RoleCategories.String)]
    [InlineData("Nyckelharpa", "nyckelharpa", "Nyckelharpa", RoleCategories.String)]
    [InlineData("Bass Drum", "bass-drum", "Bass Drum", RoleCategories.Percussion)]
    [InlineData("Frame Drum", "frame-drum", "Frame Drum", RoleCategories.Percussion)]
    [InlineData("Harpsichord", "harpsichord", "Harpsichord", RoleCategories.Keyboard)]
    [InlineData("Modular Synthesizers", "modular-synthesizer", "Modular Synthesizer", RoleCategories.Keyboard)]
    [InlineData("Flugelhorn", "flugelhorn", "Flugelhorn", RoleCategories.Wind)]
    [InlineData("Tenor Saxophone", "tenor-saxophone", "Tenor Saxophone", RoleCategories.Wind)]
    [InlineData("Talkbox", "talkbox", "Talkbox", RoleCategories.Electronic)]
    [InlineData("drum programmer", "programming", "Programming", RoleCategories.Electronic)]
    [InlineData("Soprano Vocals", "soprano-vocals", "Soprano Vocals", RoleCategories.Voice)]
    [InlineData("Tenor Ii", "tenor-ii", "Tenor II", RoleCategories.Voice)]
    [InlineData("Founder And Photographer", "founder", "Founder", RoleCategories.Other)]
    [InlineData("Djevel", "djevel", "Djevel", RoleCategories.Other)]
    [InlineData("Angus Mcfife", "angus-mcfife", "Angus Mcfife", RoleCategories.Other)]
    public void Unlisted_roles_keep_their_words_and_take_a_category_from_keywords(string raw, string key, string name, string category) =>
        Assert.Equal(new RoleRef(key, name, category), RoleNormalizer.Parse(raw)[0]);

    [Fact]
    public void Every_role_in_the_real_dataset_gets_a_valid_key_and_a_known_category()
    {
        var distinct = RealDataset.RoleStrings.Distinct(StringComparer.Ordinal).ToList();

        Assert.All(distinct, raw => Assert.All(RoleNormalizer.Parse(raw), role =>
        {
            Assert.True(EntityKeys.IsValid(role.Key), $"'{raw}' gave the key '{role.Key}'");
            Assert.Contains(role.Category, RoleCategories.All);
            Assert.False(string.IsNullOrWhiteSpace(role.Name));
        }));
    }

    [Fact]
    public void The_real_dataset_952_role_spellings_are_196_roles()
    {
        var distinct = RealDataset.RoleStrings.Distinct(StringComparer.Ordinal).ToList();

        Assert.Equal(952, distinct.Count);
        // Splitting, dropping notes, applying qualifiers and synonyms leave 196 keys; much of what remains is the
        // long tail of folk instruments and one-off jobs ("Nyckelharpa", "Tagelharpa", "Motion Designer").
        Assert.Equal(196, distinct.SelectMany(RoleNormalizer.Parse).Select(role => role.Key).Distinct().Count());
    }

    [Fact]
    public void Only_the_placeholder_role_strings_of_the_real_dataset_give_no_role()
    {
        var withoutRole = RealDataset.RoleStrings.Distinct(StringComparer.Ordinal).Where(raw => RoleNormalizer.Parse(raw).Count == 0);

        Assert.Equal(
            ["N/A", "Not Specified", "Role 2", "Role 3", "Role 4", "Role 5", "Role 6", "Role 7", "[Band Member Role]", "[Not Specified]", "[Role Not Specified]", "[Role]"],
            withoutRole.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_role_of_the_real_dataset_has_one_name_and_one_category()
    {
        var roles = RealDataset.RoleStrings.Distinct(StringComparer.Ordinal).SelectMany(RoleNormalizer.Parse);

        var inconsistent = roles.GroupBy(role => role.Key).Where(byKey => byKey.Distinct().Count() > 1).Select(byKey => byKey.Key);

        Assert.Empty(inconsistent);
    }

    [Fact]
    public void The_most_common_roles_of_the_real_dataset_are_the_core_instruments()
    {
        var top = RealDataset.RoleStrings.SelectMany(RoleNormalizer.Parse)
            .GroupBy(role => role.Key).OrderByDescending(byKey => byKey.Count()).Take(5).Select(byKey => byKey.Key);

        Assert.Equal(["backing-vocals", "bass", "drums", "guitar", "vocals"], top.Order(StringComparer.Ordinal));
    }
}
