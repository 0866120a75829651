using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using MetalFests.Tests.Infrastructure;
using MetalFests.Tests.PublicApi;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace MetalFests.Tests.Feeds;

/// <summary>
/// <c>GET /api/festivals.geojson</c> is an RFC 7946 FeatureCollection, read here by NetTopologySuite's
/// GeoJSON reader: one Point <c>[lng, lat]</c> per festival with coordinates, its properties the
/// festival's row of <c>GET /api/festivals</c>, in the list's order.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class GeoJsonFeedTests(AppFixture fixture)
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    [Fact]
    public async Task Every_festival_with_coordinates_is_a_point_at_lng_lat_whose_properties_are_its_list_row()
    {
        var rows = (await fixture.Gateway.GetOkAsync("/api/festivals")).Rows("festivals");
        var body = await GetGeoJsonAsync("/api/festivals.geojson");

        var collection = JsonSerializer.Deserialize<FeatureCollection>(body, GeoJson)!;
        var raw = JsonNode.Parse(body)!;
        var features = raw["features"]!.AsArray();

        // Every festival in db.json has coordinates: all of them are on the map.
        Assert.Equal(Expected.Festivals.Count, rows.Count);
        Assert.Equal(rows.Count, collection.Count);
        Assert.Equal(rows.Count, features.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var key = row.Str("festivalKey");
            var fromFile = Expected.FestivalsByKey[key];
            var point = Assert.IsType<Point>(collection[i].Geometry);
            Assert.Equal(fromFile.Lng, point.X);
            Assert.Equal(fromFile.Lat, point.Y);
            Assert.Equal(row.GetProperty("coordinates").GetProperty("lng").GetDouble(), point.X);
            Assert.Equal(row.GetProperty("coordinates").GetProperty("lat").GetDouble(), point.Y);
            Assert.Equal(key, collection[i].Attributes["festivalKey"]);

            var feature = features[i]!;
            Assert.Equal("Feature", feature["type"]!.GetValue<string>());
            Assert.Equal(key, feature["id"]!.GetValue<string>());
            Assert.Equal("Point", feature["geometry"]!["type"]!.GetValue<string>());
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(row.GetRawText()), feature["properties"]),
                $"{key}: properties {feature["properties"]} differ from the list row {row.GetRawText()}");
        }
    }

    [Fact]
    public async Task The_collection_is_typed_feature_collection_and_served_as_application_geo_json()
    {
        var raw = JsonNode.Parse(await GetGeoJsonAsync("/api/festivals.geojson"))!.AsObject();

        Assert.Equal("FeatureCollection", raw["type"]!.GetValue<string>());
        Assert.Equal(["type", "features"], raw.Select(p => p.Key));
    }

    private async Task<string> GetGeoJsonAsync(string path)
    {
        using var response = await fixture.Gateway.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        return body;
    }
}
