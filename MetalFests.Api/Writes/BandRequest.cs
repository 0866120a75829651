using System.Text.Json;
using MetalFests.Api.Http;
using MetalFests.Storage.Model;

namespace MetalFests.Api.Writes;

/// <summary>The body of a band create (POST, <c>pathKey</c> null) or update (PUT): the whole band.</summary>
public static class BandRequest
{
    public static Validated<Band> Parse(JsonElement root, string? pathKey) =>
        FieldReader.Parse(root, body =>
        {
            var key = RequestKey.Read(body, pathKey);
            var name = body.RequiredString("name", maxLength: 200);
            var country = body.OptionalString("country", maxLength: 100);
            var description = body.OptionalString("description", maxLength: 10000);
            var logo = body.OptionalUrl("logo");
            var headlineImage = body.OptionalUrl("headlineImage");
            var website = body.OptionalUrl("website");
            var spotify = body.OptionalUrl("spotify");
            var genreKeys = body.KeyArray("genreKeys", required: false, maxItems: 50) ?? [];
            var members = body.ObjectArray("members", required: false, maxItems: 100, ReadMember) ?? [];
            var reviewed = body.OptionalBool("reviewed") ?? false;
            return key is null || name is null
                ? null
                : new Band(key, name, country, description, logo, headlineImage, website, spotify, genreKeys, members, reviewed);
        });

    private static Member? ReadMember(FieldReader member)
    {
        var name = member.RequiredString("name", maxLength: 200);
        var roleKeys = member.KeyArray("roleKeys", required: false, maxItems: 20) ?? [];
        return name is null ? null : new Member(name, roleKeys);
    }
}
