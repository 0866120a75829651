using System.Net;
using Amazon.DynamoDBv2.Model;
using MetalFests.Storage;
using MetalFests.Storage.Model;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.PublicApi;

/// <summary>
/// An old key an older db.json used (<c>hällas</c>), kept by the migration as an alias of the key now (<c>hllas</c>),
/// answers through the gateway with a permanent redirect; writes go to the key now. The alias is stored here as the
/// migration stores it (the migration of an older file is <c>Migration/HistoricalShapeMigrationTests</c>).
/// </summary>
[Collection(WritesCollection.Name)]
public sealed class OldKeyRedirectTests(WritesFixture fixture)
{
    private async Task<HttpClient> WithAliasAsync(string entity, string oldKey, string key)
    {
        var table = fixture.Table();
        await table.Client.PutItemAsync(new PutItemRequest { TableName = table.Name, Item = Items.Alias(new KeyAlias(entity, oldKey, key)) });
        return new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Gateway.BaseAddress };
    }

    [Theory]
    [InlineData("/api/bands/h%C3%A4llas", "/api/bands/hllas")]
    [InlineData("/api/bands/h%C3%A4llas/festivals", "/api/bands/hllas/festivals")]
    [InlineData("/api/v2/bands/h%C3%A4llas", "/api/v2/bands/hllas")]
    public async Task An_old_band_key_answers_301_to_the_same_url_with_the_key_now_and_is_never_cached(string path, string location)
    {
        using var client = await WithAliasAsync(TableLayout.Types.Band, "hällas", "hllas");

        foreach (var _ in new[] { "first", "again: not served from the edge cache" })
        {
            using var moved = await client.GetAsync(path);

            Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
            Assert.Equal(location, moved.Headers.Location?.OriginalString);
            Assert.True(moved.Headers.CacheControl?.NoStore, $"{path}: Cache-Control {moved.Headers.CacheControl}");
        }
        using var followed = await client.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
    }

    [Fact]
    public async Task An_old_festival_key_answers_301_on_the_festival_and_its_editions()
    {
        using var client = await WithAliasAsync(TableLayout.Types.Festival, "karmøygeddon-metal-festival-2026", "karmygeddon-metal-festival-2026");

        using var festival = await client.GetAsync("/api/festivals/karm%C3%B8ygeddon-metal-festival-2026?x=1");
        using var edition = await client.GetAsync("/api/festivals/karm%C3%B8ygeddon-metal-festival-2026/editions/2026");

        Assert.Equal(HttpStatusCode.MovedPermanently, festival.StatusCode);
        Assert.Equal(HttpStatusCode.MovedPermanently, edition.StatusCode);
        Assert.Equal("/api/festivals/karmygeddon-metal-festival-2026/editions/2026", edition.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_non_ascii_key_that_is_no_alias_is_the_usual_400_naming_key()
    {
        await fixture.Gateway.GetValidationErrorAsync("/api/bands/n%C3%B6-such-band", "key");
    }

    [Fact]
    public async Task A_write_to_an_old_key_is_refused_and_names_key_rather_than_following_the_alias()
    {
        using var client = await WithAliasAsync(TableLayout.Types.Band, "hällas", "hllas");
        using var request = new HttpRequestMessage(HttpMethod.Patch, "/api/admin/bands/h%C3%A4llas") { Content = new StringContent("""{"country":"Sweden"}""", System.Text.Encoding.UTF8, "application/merge-patch+json") };
        request.Headers.Add(MetalFests.ServiceDefaults.Security.RequestHeaders.ApiKey, AppFixture.AdminKey);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await Envelope.ReadAsync(response);
        Assert.Equal("key", error.GetProperty("details").GetProperty("parameter").GetString());
    }
}
