using System.Text.Json.Serialization;
using MetalFests.Storage.Model;

namespace MetalFests.FestivalsService.Feeds;

/// <summary><c>GET /api/festivals.geojson</c>: an RFC 7946 FeatureCollection, one Point per festival that has coordinates.</summary>
public sealed record FestivalFeatureCollection(IReadOnlyList<FestivalFeature> Features)
{
    [JsonPropertyOrder(-1)]
    public string Type => "FeatureCollection";

    /// <summary>The list rows in their order; a festival without coordinates has no place on a map, so no feature.</summary>
    public static FestivalFeatureCollection From(IEnumerable<FestivalSummary> rows) =>
        new([.. rows.Where(r => r.Coordinates is not null).Select(r => new FestivalFeature(r.FestivalKey, PointGeometry.At(r.Coordinates!), r))]);
}

/// <summary>A festival on the map: its key as the feature's id, its list row (as <c>GET /api/festivals</c>) as the properties.</summary>
public sealed record FestivalFeature(string Id, PointGeometry Geometry, FestivalSummary Properties)
{
    [JsonPropertyOrder(-1)]
    public string Type => "Feature";
}

/// <summary>A GeoJSON Point: <c>[longitude, latitude]</c> (RFC 7946 §3.1.1), the reverse of the API's <c>{lat, lng}</c>.</summary>
public sealed record PointGeometry(IReadOnlyList<double> Coordinates)
{
    [JsonPropertyOrder(-1)]
    public string Type => "Point";

    public static PointGeometry At(Coordinates position) => new([position.Lng, position.Lat]);
}
