using MetalFests.Api.Writes;
using MetalFests.Storage.Model;
using static MetalFests.Tests.Writes.Parsed;

namespace MetalFests.Tests.Writes;

/// <summary>The body of a role create or update: a role belongs to one of the role categories.</summary>
public sealed class RoleRequestTests
{
    [Fact]
    public void A_role_body_parses_with_a_member_count_of_0()
    {
        var role = Valid(RoleRequest.Parse(Json("""{"key":"hurdy-gurdy","name":"Hurdy-Gurdy","category":"string","description":"A crank-turned fiddle."}"""), pathKey: null));

        Assert.Equal(new Role("hurdy-gurdy", "Hurdy-Gurdy", RoleCategories.String, "A crank-turned fiddle.", BandMemberCount: 0), role);
    }

    [Fact]
    public void Every_role_category_is_accepted()
    {
        var categories = RoleCategories.All.Select(category =>
            Valid(RoleRequest.Parse(Json($$"""{"name":"Role","category":"{{category}}"}"""), "role")).Category);

        Assert.Equal(RoleCategories.All, categories);
    }

    [Theory]
    [InlineData("\"strings\"")]
    [InlineData("\"Voice\"")]
    [InlineData("\"\"")]
    [InlineData("3")]
    public void Any_other_category_is_an_error_listing_the_categories(string category)
    {
        var reason = OnlyBadField(RoleRequest.Parse(Json($$"""{"name":"Hurdy-Gurdy","category":{{category}}}"""), "hurdy-gurdy"), "category");

        Assert.Equal("must be one of " + string.Join(", ", RoleCategories.All), reason);
    }

    [Fact]
    public void Key_name_and_category_are_required()
    {
        Assert.Equal(["key", "name", "category"], BadFields(RoleRequest.Parse(Json("""{"description":"A role."}"""), pathKey: null)));
    }

    [Fact]
    public void An_update_body_naming_another_key_is_an_error_on_key()
    {
        OnlyBadField(RoleRequest.Parse(Json("""{"key":"vocals","name":"Drums","category":"percussion"}"""), "drums"), "key");
    }

    [Fact]
    public void The_member_count_is_not_the_client_s_to_set()
    {
        OnlyBadField(RoleRequest.Parse(Json("""{"name":"Drums","category":"percussion","bandMemberCount":3}"""), "drums"), "bandMemberCount");
    }
}
