using System.Text.Json;
using MetalFests.Api.Writes;

namespace MetalFests.Tests.Writes;

/// <summary>
/// A patch that cannot be applied faithfully is refused before it is: a member given twice (a merge would keep the
/// last one silently) or text no string can hold (an escaped half surrogate pair), each named at its path.
/// </summary>
public sealed class MergePatchProblemTests
{
    [Theory]
    [InlineData("""{"name":"a","name":"b"}""", "name", "appears more than once")]
    [InlineData("""{"dates":{"start":"2031-06-01","start":"2031-06-02"}}""", "dates.start", "appears more than once")]
    [InlineData("""{"name":"\ud800"}""", "name", "must be valid Unicode text")]
    [InlineData("""{"bands":[{"key":"a"},{"key":"\udc00x"}]}""", "bands[1].key", "must be valid Unicode text")]
    [InlineData("""{"\ud800":1}""", "body", "has a member name that is not valid Unicode text")]
    public void A_patch_with_a_duplicate_or_broken_member_is_refused_at_its_path(string patch, string field, string reason)
    {
        using var document = JsonDocument.Parse(patch);

        var problem = Assert.Single(MergePatch.Problems(document.RootElement));

        Assert.Equal(field, problem.Field);
        Assert.Equal(reason, problem.Reason);
    }

    [Fact]
    public void A_patch_of_distinct_valid_members_has_no_problem()
    {
        using var document = JsonDocument.Parse("""{"name":"Hellfest","dates":{"start":"2031-06-01"},"bands":[{"key":"a"},{"key":"b"}],"poster":null}""");

        Assert.Empty(MergePatch.Problems(document.RootElement));
    }
}
