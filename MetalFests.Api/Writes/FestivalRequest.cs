using System.Text.Json;
using MetalFests.Api.Http;
using MetalFests.Storage.Model;

namespace MetalFests.Api.Writes;

/// <summary>The body of a festival create (POST, <c>pathKey</c> null) or update (PUT): the festival's general information.</summary>
public static class FestivalRequest
{
    public static Validated<Festival> Parse(JsonElement root, string? pathKey) =>
        FieldReader.Parse(root, body =>
        {
            var key = RequestKey.Read(body, pathKey);
            var name = body.RequiredString("name", maxLength: 200);
            var location = Location(body);
            var coordinates = body.OptionalObject("coordinates", point =>
            {
                var lat = point.RequiredDouble("lat", -90, 90);
                var lng = point.RequiredDouble("lng", -180, 180);
                return lat is null || lng is null ? null : new Coordinates(lat.Value, lng.Value);
            });
            var website = body.OptionalUrl("website");
            var poster = body.OptionalUrl("poster");
            var description = body.OptionalString("description", maxLength: 5000);
            return key is null || name is null || location is null
                ? null
                : new Festival(key, name, location, coordinates, website, poster, description);
        });

    /// <summary>"City, Country": the country (the last part) is what the country filter and its index use.</summary>
    private static string? Location(FieldReader body)
    {
        var location = body.RequiredString("location", maxLength: 200);
        if (location is null)
        {
            return null;
        }
        var parts = location.Split(',');
        if (parts.Length < 2 || parts.Any(string.IsNullOrWhiteSpace))
        {
            body.AddError("location", "must be written \"City, Country\"");
            return null;
        }
        return location;
    }
}
