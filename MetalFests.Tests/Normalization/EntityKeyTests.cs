using MetalFests.Storage;

namespace MetalFests.Tests.Normalization;

public class EntityKeyTests
{
    [Theory]
    [InlineData("Nu-Metal", "nu-metal")]
    [InlineData("Nu Metal", "nu-metal")]
    [InlineData("  Nu   Metal  ", "nu-metal")]
    [InlineData("Death/Doom Metal", "death-doom-metal")]
    [InlineData("N.w.o.t.h.m.", "n-w-o-t-h-m")]
    public void Everything_but_letters_and_digits_separates_words(string text, string slug) =>
        Assert.Equal(slug, EntityKeys.Slugify(text));

    [Theory]
    [InlineData("Mötley Crüe", "motley-crue")]
    [InlineData("Neue Deutsche Härte", "neue-deutsche-harte")]
    [InlineData("Böhmisch-Mährische Blasmusik", "bohmisch-mahrische-blasmusik")]
    [InlineData("Cajón", "cajon")]
    [InlineData("Czifrak Ștefan", "czifrak-stefan")]
    [InlineData("Chitară", "chitara")]
    [InlineData("Vocalista De Sessão", "vocalista-de-sessao")]
    [InlineData("ÉCLAT", "eclat")]
    [InlineData("Mo\u0308tley", "motley")]
    public void Accents_are_folded_to_ascii(string text, string slug) =>
        Assert.Equal(slug, EntityKeys.Slugify(text));

    [Theory]
    [InlineData("Straße", "strasse")]
    [InlineData("Ærøskøbing", "aeroskobing")]
    [InlineData("Łódź", "lodz")]
    [InlineData("Misþyrming", "misthyrming")]
    public void Letters_without_an_ascii_base_are_spelled_out(string text, string slug) =>
        Assert.Equal(slug, EntityKeys.Slugify(text));

    [Theory]
    [InlineData("Drum & Bass", "drum-and-bass")]
    [InlineData("Drum And Bass", "drum-and-bass")]
    [InlineData("R&B", "r-and-b")]
    public void Ampersand_becomes_and(string text, string slug) =>
        Assert.Equal(slug, EntityKeys.Slugify(text));

    [Theory]
    [InlineData("Guns N' Roses", "guns-n-roses")]
    [InlineData("Rock'n'Roll", "rocknroll")]
    [InlineData("Children’s Choir", "childrens-choir")]
    public void Apostrophes_join_words(string text, string slug) =>
        Assert.Equal(slug, EntityKeys.Slugify(text));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!! ---")]
    [InlineData("—")]
    [InlineData("'")]
    public void Text_without_letters_or_digits_gives_an_empty_slug(string text) =>
        Assert.Equal("", EntityKeys.Slugify(text));

    [Theory]
    [InlineData("Mötley Crüe")]
    [InlineData("Oi!")]
    [InlineData("-Leading and trailing-")]
    [InlineData("Wacken Open Air 2026")]
    public void Slugs_are_valid_keys(string text) =>
        Assert.True(EntityKeys.IsValid(EntityKeys.Slugify(text)));

    [Fact]
    public void Long_slugs_are_cut_to_a_valid_key()
    {
        var slug = EntityKeys.Slugify(string.Join(' ', Enumerable.Repeat("abcdefghi", 20)));

        Assert.True(slug.Length <= EntityKeys.MaxLength);
        Assert.True(EntityKeys.IsValid(slug));
    }
}
