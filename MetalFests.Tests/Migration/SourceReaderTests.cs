using MetalFests.Migrator.Source;

namespace MetalFests.Tests.Migration;

public sealed class SourceReaderTests
{
    private static SourceException Refusal(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"metalfests-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return Assert.Throws<SourceException>(() => SourceReader.Read(path));
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var error = Assert.Throws<SourceException>(() => SourceReader.Read("/no/such/db.json"));

        Assert.Equal(["file '/no/such/db.json' does not exist"], error.Problems);
    }

    [Fact]
    public void Invalid_json_is_reported_with_its_position()
    {
        var error = Refusal("""{"festivals": [ {"key": "a",, } ], "bands": []}""");

        Assert.Contains("is not valid JSON", Assert.Single(error.Problems));
        Assert.Contains("LineNumber", error.Problems[0]);
    }

    [Fact]
    public void Each_field_of_the_wrong_type_is_named_with_its_record()
    {
        var error = Refusal("""
            {"festivals": [{"key": "fest", "name": "Fest", "dates": {"start": "2026-02-30", "end": "2026-03-01"}, "location": "A, B",
                            "coordinates": {"lat": 95, "lng": 1}, "bands": [{"key": "x", "name": "X", "size": "big"}]}],
             "bands": [{"key": "x", "name": "X", "genres": "Metal", "reviewed": "yes"}]}
            """);

        Assert.Equal(
        [
            "festivals[0] (key 'fest'): field 'dates.start' must be an ISO date (yyyy-MM-dd), not '2026-02-30'",
            "festivals[0] (key 'fest').bands[0] (key 'x'): field 'size' must be an integer from 0 to 3",
            "festivals[0] (key 'fest'): field 'coordinates.lat' must be between -90 and 90",
            "bands[0] (key 'x'): field 'genres' must be an array",
            "bands[0] (key 'x'): field 'reviewed' must be true or false",
        ], error.Problems);
    }

    [Fact]
    public void A_line_up_entry_without_size_gets_size_0_and_each_default_is_counted()
    {
        var path = Path.Combine(Path.GetTempPath(), $"metalfests-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            {"festivals": [{"key": "fest", "name": "Fest", "dates": {"start": "2026-06-01", "end": "2026-06-02"}, "location": "A, B",
                            "coordinates": {"lat": 1, "lng": 1}, "poster": "", "website": "", "ticketPrice": 10,
                            "bands": [{"key": "x", "name": "X"}, {"key": "y", "name": "Y", "size": 2}, {"key": "z", "name": "Z"}]}],
             "bands": [{"key": "x", "name": "X", "country": "", "description": "", "logo": "", "headlineImage": "", "website": "", "spotify": "",
                        "genres": [], "members": [{"name": "M"}]}]}
            """);

        var file = SourceReader.Read(path);

        Assert.Equal([0, 2, 0], file.Festivals[0].Bands.Select(b => b.Size));
        Assert.Equal(
        [
            ("festivals[].bands[].size", "0", 2, "festivals[0] (key 'fest').bands[0] (key 'x')"),
            ("bands[].members[].role", "no role", 1, "bands[0] (key 'x').members[0]"),
            ("bands[].reviewed", "false", 1, "bands[0] (key 'x')"),
        ], file.Defaults.Select(d => (d.Field, d.Default, d.Count, d.Records[0])));
    }

    [Fact]
    public void A_size_present_but_out_of_range_is_still_refused()
    {
        var error = Refusal("""
            {"festivals": [{"key": "fest", "name": "Fest", "dates": {"start": "2026-06-01", "end": "2026-06-02"}, "location": "A, B",
                            "bands": [{"key": "x", "name": "X", "size": 7}]}], "bands": []}
            """);

        Assert.Equal(["festivals[0] (key 'fest').bands[0] (key 'x'): field 'size' must be an integer from 0 to 3"], error.Problems);
    }
}
