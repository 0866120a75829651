using MetalFests.Migrator.Normalization;
using MetalFests.Tests.Infrastructure;
using MetalFests.Tests.PublicApi;

namespace MetalFests.Tests.Normalization;

/// <summary>An older file's non-ASCII key becomes the key today's file has for the same band.</summary>
public sealed class KeyTransliterationTests
{
    [Theory]
    [InlineData("hällas", "hllas")]
    [InlineData("ström", "strm")]
    [InlineData("iné-kafe", "in-kafe")]
    [InlineData("wendi's-böhmische-blasmusik", "wendis-bhmische-blasmusik")]
    [InlineData("karmøygeddon-metal-festival-2026", "karmygeddon-metal-festival-2026")]
    [InlineData("blood-fire-death-–-a-tribute", "blood-fire-death-a-tribute")]
    public void Non_ascii_characters_are_dropped_and_hyphen_runs_collapse(string oldKey, string key)
    {
        Assert.True(KeyTransliteration.Applies(oldKey));
        Assert.Equal(key, KeyTransliteration.Transliterate(oldKey));
    }

    [Theory]
    [InlineData("郁")]
    [InlineData("ö-ä")]
    public void A_key_with_nothing_left_has_no_transliteration(string oldKey) =>
        Assert.Null(KeyTransliteration.Transliterate(oldKey));

    [Fact]
    public void An_ascii_key_is_not_an_older_shape() => Assert.False(KeyTransliteration.Applies("hllas"));

    [Fact]
    public void Every_key_of_todays_file_is_its_name_spelled_as_an_older_key_then_transliterated()
    {
        // An older key spelled its name lower-case with hyphens for spaces, non-ASCII letters kept.
        var records = RealData.Instance.Bands.Where(b => b.Str("key").Length > 0).ToList();
        var mismatches = records
            .Select(b => (Key: b.Str("key"), Old: string.Join('-', b.Str("name").ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))))
            .Where(r => KeyTransliteration.Applies(r.Old) && KeyTransliteration.Transliterate(r.Old) != r.Key)
            .ToList();

        Assert.Equal(96, records.Count(b => b.Str("name").Any(c => !char.IsAscii(c))));
        Assert.Empty(mismatches);
    }
}
