namespace MetalFests.Api.Writes;

// The bodies clients send where no stored record has their shape (a genre or role without its count, the
// reference check), for the OpenAPI documents. The parsers (GenreRequest, RoleRequest, BandRefsRequest) read
// and check them; bands, festivals and editions are documented by their own records (Band, Festival, EditionInput).

/// <summary>A genre as <c>POST</c>/<c>PUT /api/admin/genres</c> takes it (its band count is the table's to keep).</summary>
public sealed record GenreBody(string Key, string Name, string? Description);

/// <summary>A role as <c>POST</c>/<c>PUT /api/admin/roles</c> takes it (its member count is the table's to keep).</summary>
public sealed record RoleBody(string Key, string Name, string Category, string? Description);

/// <summary>The band references <c>POST /api/admin/bands/validate</c> checks.</summary>
public sealed record BandRefsBody(IReadOnlyList<string> BandRefs);
