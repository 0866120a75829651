using System.Text.Json;
using MetalFests.Api.Http;
using MetalFests.Storage.Model;

namespace MetalFests.Api.Writes;

/// <summary>The body of a role create (POST, <c>pathKey</c> null) or update (PUT).</summary>
public static class RoleRequest
{
    /// <summary>The member count is 0: it is not the client's to say, storage keeps the real one.</summary>
    public static Validated<Role> Parse(JsonElement root, string? pathKey) =>
        FieldReader.Parse(root, body =>
        {
            var key = RequestKey.Read(body, pathKey);
            var name = body.RequiredString("name", maxLength: 100);
            var category = body.RequiredOneOf("category", RoleCategories.All);
            var description = body.OptionalString("description", maxLength: 5000);
            return key is null || name is null || category is null ? null : new Role(key, name, category, description, BandMemberCount: 0);
        });
}
