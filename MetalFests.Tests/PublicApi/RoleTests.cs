using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.PublicApi;

/// <summary><c>/api/roles</c>, <c>/api/roles/{key}</c>, <c>/api/roles/{key}/members</c>: the roles the band members hold, counted.</summary>
[Collection(AppCollection.Name)]
public sealed class RoleTests(AppFixture fixture)
{
    private static readonly string[] Categories = ["voice", "string", "percussion", "keyboard", "wind", "electronic", "other"];

    [Fact]
    public async Task Role_list_has_exactly_the_seed_fields_and_a_known_category_each()
    {
        var body = await fixture.Gateway.GetOkAsync("/api/roles");

        new Shape("role list", ("roles", Shape.Array), ("count", Shape.Number)).Assert(body);
        Assert.Equal(body.Rows("roles").Count, body.Int("count"));
        Assert.NotEmpty(body.Rows("roles"));
        Assert.All(body.Rows("roles"), role =>
        {
            Shape.RoleRow.Assert(role);
            Assert.Contains(role.Str("category"), Categories);
            Assert.True(role.Int("bandMemberCount") > 0, role.Str("key"));
        });
    }

    [Theory]
    [InlineData("vocals", "voice")]
    [InlineData("drums", "percussion")]
    [InlineData("keyboards", "keyboard")]
    public async Task Role_detail_has_exactly_the_seed_fields_and_agrees_with_its_list_row(string key, string category)
    {
        var row = (await fixture.Gateway.GetOkAsync("/api/roles")).Rows("roles").Single(r => r.Str("key") == key);

        var body = await fixture.Gateway.GetOkAsync($"/api/roles/{key}");

        new Shape("role answer", ("role", Shape.Object)).Assert(body);
        var role = body.GetProperty("role");
        Shape.Role.Assert(role);
        Assert.Equal(key, role.Str("key"));
        Assert.Equal(category, role.Str("category"));
        Assert.Equal(row.Str("name"), role.Str("name"));
        Assert.Equal(row.Int("bandMemberCount"), role.Int("bandMemberCount"));
    }

    [Fact]
    public async Task Role_members_names_the_role_and_has_the_paging_fields()
    {
        var body = await fixture.Gateway.GetOkAsync("/api/roles/vocals/members");

        Shape.Page("members", ("roleKey", Shape.String), ("roleName", Shape.String)).Assert(body);
        Assert.Equal("vocals", body.Str("roleKey"));
        Assert.Equal("Vocals", body.Str("roleName"));
        Assert.Equal(100, body.Int("limit"));
        Assert.Equal(100, body.Int("count"));
        Assert.All(body.Rows("members"), Shape.RoleMember.Assert);
    }

    [Fact]
    public async Task Role_member_totals_equal_the_band_member_counts_of_a_sample_of_roles()
    {
        var all = (await fixture.Gateway.GetOkAsync("/api/roles")).Rows("roles");
        // Every 5th role by key, a page of one member each (the largest, vocals, is read whole in PaginationTests).
        var roles = all.OrderBy(r => r.Str("key"), StringComparer.Ordinal).Where((_, i) => i % 5 == 0).ToList();
        Assert.True(roles.Count > 20);

        var mismatches = new List<string>();
        foreach (var role in roles)
        {
            var page = await fixture.Gateway.GetOkAsync($"/api/roles/{role.Str("key")}/members?limit=1");
            if (page.Int("total") != role.Int("bandMemberCount") || page.Str("roleName") != role.Str("name"))
            {
                mismatches.Add($"{role.Str("key")}: total {page.Int("total")} vs bandMemberCount {role.Int("bandMemberCount")}");
            }
        }
        Assert.Empty(mismatches);
    }

    /// <summary>
    /// The members of db.json with a plain role string (<see cref="PlainRoles"/>), of bands of one record (a merged key
    /// keeps one record's members): one is listed under a role exactly when its role string names it.
    /// </summary>
    [Theory]
    [InlineData("vocals")]
    [InlineData("guitar")]
    [InlineData("drums")]
    [InlineData("bass")]
    [InlineData("keyboards")]
    public async Task A_plain_member_is_listed_under_a_role_exactly_when_its_role_string_names_it(string role)
    {
        var single = Expected.Bands.Values.Where(b => b.Records.Count == 1).ToDictionary(b => b.Key);
        var plain = single.Values
            .SelectMany(b => b.Records[0].GetProperty("members").EnumerateArray()
                .Select(m => (Member: $"{b.Key}|{Expected.Clean(m.Str("name"))}", Roles: PlainRoles.Of(m.Str("role")))))
            .Where(m => m.Roles is not null)
            .ToList();
        // A name twice in one band (Mordloch's Jenda: drums, then bass) is one listed member: only names once in their band say "not holding".
        var twice = single.Values.SelectMany(b => b.Records[0].GetProperty("members").EnumerateArray().Select(m => $"{b.Key}|{Expected.Clean(m.Str("name"))}"))
            .GroupBy(m => m).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        var holding = plain.Where(m => m.Roles!.Contains(role)).Select(m => m.Member).ToHashSet();
        var notHolding = plain.Where(m => !m.Roles!.Contains(role) && !twice.Contains(m.Member)).Select(m => m.Member).ToHashSet();
        Assert.True(holding.Count > 20, $"{role}: only {holding.Count} plain members hold it");

        var members = await fixture.Gateway.GetAllPagesAsync($"/api/roles/{role}/members", "members", 500);

        var listed = members.Select(m => $"{m.Str("bandKey")}|{m.Str("name")}").ToHashSet();
        Assert.Empty(holding.Except(listed));
        Assert.Empty(notHolding.Intersect(listed));
        var bandNames = (await fixture.Gateway.GetWholeBandListAsync("/api/bands")).ToDictionary(b => b.Str("key"), b => b.Str("name"));
        Assert.All(members, m => Assert.Equal(bandNames[m.Str("bandKey")], m.Str("bandName")));
        var row = (await fixture.Gateway.GetOkAsync("/api/roles")).Rows("roles").Single(r => r.Str("key") == role);
        Assert.Equal(members.Count, row.Int("bandMemberCount"));
    }
}
