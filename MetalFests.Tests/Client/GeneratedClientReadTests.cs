using MetalFests.Tests.Infrastructure;
using MetalFests.Tests.PublicApi;

namespace MetalFests.Tests.Client;

/// <summary>
/// A client developer's reads through the client generated from the OpenAPI document: what it
/// deserialises is what the data holds, so a document that drifts from the API fails here.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class GeneratedClientReadTests(AppFixture fixture)
{
    [Fact]
    public async Task The_generated_client_lists_every_festival_of_the_data()
    {
        var client = GeneratedClient.For(fixture.Gateway);

        var list = await client.Api.Festivals.GetAsync();

        Assert.NotNull(list?.Festivals);
        Assert.Equal(Expected.Festivals.Select(f => f.Key).Order(StringComparer.Ordinal), list.Festivals.Select(f => f.FestivalKey!).Order(StringComparer.Ordinal));
        Assert.Equal(Expected.Festivals.Count, list.Count);
        var first = Expected.Festivals[0];
        var read = Assert.Single(list.Festivals, f => f.FestivalKey == first.Key);
        Assert.Equal(first.Name, read.FestivalName);
        Assert.Equal(first.Location, read.Location);
    }

    [Fact]
    public async Task The_generated_client_reads_a_band_with_its_name_and_genres()
    {
        var client = GeneratedClient.For(fixture.Gateway);
        var band = Expected.Bands.Values.First(b => !b.IsStub && !b.IsMerged);
        var record = band.Records[0];

        var read = await client.Api.Bands[band.Key].GetAsync();

        Assert.Equal(band.Key, read?.Band?.Key);
        Assert.Equal(Expected.Clean(record.GetProperty("name").GetString()!), read!.Band!.Name);
        Assert.Equal(band.Reviewed, read.Band.Reviewed);
        Assert.NotNull(read.Genres);
    }

    [Fact]
    public async Task The_generated_client_pages_through_the_upcoming_festivals()
    {
        var client = GeneratedClient.For(fixture.Gateway);
        const int pageSize = 10;
        var keys = new List<string>();

        for (var offset = 0; ; offset += pageSize)
        {
            var page = await client.Api.Festivals.Upcoming.GetAsync(request =>
            {
                request.QueryParameters.Limit = pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
                request.QueryParameters.Offset = offset.ToString(System.Globalization.CultureInfo.InvariantCulture);
            });
            Assert.Equal(Expected.UpcomingKeys.Count, page!.Total);
            Assert.Equal(offset, page.Offset);
            keys.AddRange(page.Festivals!.Select(f => f.FestivalKey!));
            if (page.Festivals!.Count < pageSize)
            {
                break;
            }
        }

        Assert.Equal(Expected.UpcomingKeys, keys);
    }
}
