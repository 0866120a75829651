using MetalFests.Migrator.Normalization;
using MetalFests.Storage;

namespace MetalFests.Tests.Normalization;

public class GenreNormalizationTests
{
    [Theory]
    [InlineData("Nu-Metal", "Nu Metal", "nu-metal")]
    [InlineData("Post Metal", "Post-Metal", "post-metal")]
    [InlineData("Hip Hop", "Hip-Hop", "hip-hop")]
    [InlineData("Drum & Bass", "Drum And Bass", "drum-and-bass")]
    [InlineData("Black 'N' Roll", "Black N' Roll", "black-n-roll")]
    [InlineData("Old School Death Metal", "Old-School Death Metal", "old-school-death-metal")]
    public void Spelling_variants_of_a_genre_share_one_key(string one, string other, string key)
    {
        Assert.Equal(key, GenreNormalizer.Normalize(one)?.Key);
        Assert.Equal(key, GenreNormalizer.Normalize(other)?.Key);
    }

    [Theory]
    [InlineData("Punkrock", "punk-rock")]
    [InlineData("Synthpop", "synth-pop")]
    [InlineData("Skatepunk", "skate-punk")]
    [InlineData("Electropunk", "electro-punk")]
    [InlineData("Metal-Core", "metalcore")]
    [InlineData("Dark Wave", "darkwave")]
    [InlineData("Neo-Classical Metal", "neoclassical-metal")]
    [InlineData("Rock'n'roll", "rock-and-roll")]
    [InlineData("Rock 'N' Roll", "rock-and-roll")]
    [InlineData("Rock & Roll", "rock-and-roll")]
    [InlineData("Humour", "humor")]
    [InlineData("Alt-Rock", "alternative-rock")]
    [InlineData("N.w.o.t.h.m.", "nwothm")]
    [InlineData("Nwothm", "nwothm")]
    public void Closed_up_abbreviated_and_dotted_spellings_join_the_common_key(string raw, string key) =>
        Assert.Equal(key, GenreNormalizer.Normalize(raw)?.Key);

    [Theory]
    [InlineData("Sludge", "Sludge Metal")]
    [InlineData("Funeral Doom", "Funeral Doom Metal")]
    [InlineData("Death-Doom", "Death/Doom Metal")]
    [InlineData("Crossover", "Crossover Thrash")]
    public void A_narrower_or_wider_genre_keeps_its_own_key(string one, string other) =>
        Assert.NotEqual(GenreNormalizer.Normalize(one)?.Key, GenreNormalizer.Normalize(other)?.Key);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    [InlineData("!!")]
    [InlineData(" — ")]
    public void Strings_without_a_genre_are_dropped(string raw) =>
        Assert.Null(GenreNormalizer.Normalize(raw));

    [Theory]
    [InlineData("  Nu   Metal ", "Nu Metal")]
    [InlineData("Oi!", "Oi!")]
    [InlineData("Aor", "AOR")]
    [InlineData("Harsh Ebm", "Harsh EBM")]
    [InlineData("Us Power Metal", "US Power Metal")]
    [InlineData("N.w.o.t.h.m.", "N.W.O.T.H.M.")]
    public void The_name_is_the_string_as_written_trimmed_with_acronyms_in_capitals(string raw, string name) =>
        Assert.Equal(name, GenreNormalizer.Normalize(raw)?.Name);

    [Fact]
    public void The_canonical_name_is_the_spelling_written_most_often()
    {
        var names = GenreNormalizer.CanonicalNames(["Nu-Metal", "Nu Metal", "Post-Metal", "Nu Metal", "Post Metal", "Post-Metal"]);

        Assert.Equal(new Dictionary<string, string> { ["nu-metal"] = "Nu Metal", ["post-metal"] = "Post-Metal" }, names);
    }

    [Fact]
    public void A_tie_goes_to_the_ordinal_smallest_spelling_whatever_the_order()
    {
        Assert.Equal("Pop Punk", GenreNormalizer.CanonicalNames(["Pop-Punk", "Pop Punk"])["pop-punk"]);
        Assert.Equal("Pop Punk", GenreNormalizer.CanonicalNames(["Pop Punk", "Pop-Punk"])["pop-punk"]);
    }

    [Fact]
    public void Canonical_names_skip_strings_without_a_genre() =>
        Assert.Equal(["metal"], GenreNormalizer.CanonicalNames(["", " ", "Metal", "?"]).Keys);

    [Fact]
    public void Every_genre_string_in_the_real_dataset_gets_a_valid_key_and_none_is_blank()
    {
        var distinct = RealDataset.GenreStrings.Distinct(StringComparer.Ordinal).ToList();

        // The dataset holds no blank genre, so nothing is dropped; a dropped string would have to be blank.
        Assert.All(distinct, raw =>
        {
            var genre = GenreNormalizer.Normalize(raw);
            Assert.NotNull(genre);
            Assert.True(EntityKeys.IsValid(genre.Key), $"'{raw}' gave the key '{genre.Key}'");
        });
    }

    [Fact]
    public void The_real_dataset_560_genre_spellings_are_536_slugs_and_524_genres()
    {
        var distinct = RealDataset.GenreStrings.Distinct(StringComparer.Ordinal).ToList();

        Assert.Equal(560, distinct.Count);
        // Slugs merge 24 spellings that differ only in spaces, hyphens, apostrophes or "&" ("Nu-Metal", "Nu Metal").
        Assert.Equal(536, distinct.Select(EntityKeys.Slugify).Distinct().Count());
        // The aliases merge 12 more: closed-up, abbreviated, dotted and British spellings ("Punkrock", "Alt-Rock", "N.w.o.t.h.m.", "Humour").
        Assert.Equal(524, distinct.Select(raw => GenreNormalizer.Normalize(raw)!.Key).Distinct().Count());
    }

    [Fact]
    public void No_two_genres_of_the_real_dataset_differ_only_in_hyphenation()
    {
        var keys = RealDataset.GenreStrings.Select(raw => GenreNormalizer.Normalize(raw)!.Key).Distinct();

        var collisions = keys.GroupBy(key => key.Replace("-", "", StringComparison.Ordinal)).Where(group => group.Count() > 1).Select(group => string.Join(" = ", group));

        Assert.Empty(collisions);
    }

    [Fact]
    public void Every_genre_of_the_real_dataset_has_one_canonical_name_that_leads_back_to_its_key()
    {
        var keys = RealDataset.GenreStrings.Select(raw => GenreNormalizer.Normalize(raw)!.Key).ToHashSet();

        var names = GenreNormalizer.CanonicalNames(RealDataset.GenreStrings);

        Assert.Equal(keys.Order(StringComparer.Ordinal), names.Keys.Order(StringComparer.Ordinal));
        Assert.All(names, pair => Assert.Equal(pair.Key, GenreNormalizer.Normalize(pair.Value)?.Key));
        Assert.Equal("Nu Metal", names["nu-metal"]);
        Assert.Equal("Post-Metal", names["post-metal"]);
        Assert.Equal("Rock And Roll", names["rock-and-roll"]);
    }
}
