using MetalFests.Storage.Model;

namespace MetalFests.CatalogService.Roles;

/// <summary><c>GET /api/roles</c>.</summary>
public sealed record RoleList(IReadOnlyList<RoleSummary> Roles, int Count);

public sealed record RoleSummary(string Key, string Name, string Category, int BandMemberCount)
{
    public static RoleSummary From(Role r) => new(r.Key, r.Name, r.Category, r.BandMemberCount);
}

/// <summary><c>GET /api/roles/{key}</c>.</summary>
public sealed record RoleResponse(Role Role);

/// <summary><c>GET /api/roles/{key}/members</c>: band members holding the role, by band, paginated.</summary>
public sealed record RoleMembersPage(string RoleKey, string RoleName, IReadOnlyList<RoleMemberEntry> Members, int Count, int Total, int Limit, int Offset);

public sealed record RoleMemberEntry(string Name, string BandKey, string BandName)
{
    public static RoleMemberEntry From(RoleMember m) => new(m.MemberName, m.BandKey, m.BandName);
}
