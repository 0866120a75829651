using MetalFests.Tests.Client.Generated.Models;
using MetalFests.Tests.Infrastructure;
using MetalFests.Tests.PublicApi;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace MetalFests.Tests.Client;

/// <summary>
/// A client developer's writes through the generated client: a band replaced with <c>If-Match</c>
/// (its ETag from the read), and the stale ETag refused with 412 in the error envelope; a genre created
/// with the body the document declares, then changed by a merge patch that leaves the other fields.
/// </summary>
[Collection(WritesCollection.Name)]
public sealed class GeneratedClientWriteTests(WritesFixture fixture)
{
    [Fact]
    public async Task The_generated_client_replaces_a_band_with_if_match_and_a_stale_etag_is_refused()
    {
        var client = GeneratedClient.For(fixture.Gateway);
        var key = Expected.Bands.Values.Last(b => !b.IsStub && !b.IsMerged).Key;

        var headers = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };
        var before = await client.Api.Bands[key].GetAsync(request => request.Options.Add(headers));
        var etag = Assert.Single(headers.ResponseHeaders["ETag"]);
        var band = before!.Band!;
        band.Description = $"Written by the generated client {Guid.NewGuid():N}";

        var written = await client.Api.Bands[key].PutAsync(band, request => Admin(request.Headers, etag));

        Assert.True(written!.Success);
        Assert.Equal(band.Description, written.Band!.Description);
        Assert.Equal(band.Name, written.Band.Name);

        var stale = await Assert.ThrowsAsync<ErrorEnvelope>(() => client.Api.Bands[key].PutAsync(band, request => Admin(request.Headers, etag)));
        Assert.Equal(412, stale.ResponseStatusCode);
        Assert.False(string.IsNullOrEmpty(stale.Error?.Code));

        var after = await client.Api.Bands[key].GetAsync();
        Assert.Equal(band.Description, after!.Band!.Description);
    }

    [Fact]
    public async Task The_generated_client_creates_a_genre_and_a_merge_patch_changes_only_the_fields_it_sends()
    {
        var client = GeneratedClient.For(fixture.Gateway);
        var key = AdminRequests.UniqueKey("client-genre");

        var created = await client.Api.Admin.Genres.PostAsync(new GenreBody { Key = key, Name = "Client Genre", Description = "Created by the generated client" },
            request => request.Headers.Add(MetalFests.ServiceDefaults.Security.RequestHeaders.ApiKey, AppFixture.AdminKey));
        var patched = await client.Api.Admin.Genres[key].PatchAsync(new GenreBodyMergePatch { Description = "Patched by the generated client" },
            request => request.Headers.Add(MetalFests.ServiceDefaults.Security.RequestHeaders.ApiKey, AppFixture.AdminKey));

        Assert.Equal(1, created!.Genre!.Version);
        Assert.Equal(2, patched!.Genre!.Version);
        var read = await fixture.Gateway.FreshAsync($"/api/genres/{key}");
        Assert.Equal("Client Genre", (string?)read["genre"]!["name"]);
        Assert.Equal("Patched by the generated client", (string?)read["genre"]!["description"]);
    }

    [Fact]
    public async Task The_generated_client_invalidates_a_cached_page_and_reads_the_invalidation_back()
    {
        var client = GeneratedClient.For(fixture.Gateway);
        var page = $"/api/bands/{Expected.Bands.Values.First(b => !b.IsStub && !b.IsMerged).Key}";
        (await fixture.Gateway.GetAsync(page)).Dispose();
        using (var cached = await fixture.Gateway.GetAsync(page))
        {
            Assert.Equal("Hit", Assert.Single(cached.Headers.GetValues("X-Cache")));
        }

        var done = await client.Api.Admin.Cache.Invalidate.PostAsync(new InvalidationRequest { Paths = [page], Reason = "generated client test" },
            request => request.Headers.Add(MetalFests.ServiceDefaults.Security.RequestHeaders.ApiKey, AppFixture.AdminKey));
        var status = await client.Api.Admin.Cache.Status.GetAsync(request =>
        {
            request.QueryParameters.Id = done!.InvalidationId;
            request.Headers.Add(MetalFests.ServiceDefaults.Security.RequestHeaders.ApiKey, AppFixture.AdminKey);
        });

        Assert.True(done!.Success);
        Assert.Equal([page], done.Paths);
        Assert.Equal(done.InvalidationId, status!.InvalidationId);
        Assert.Equal("generated client test", status.Reason);
        using var after = await fixture.Gateway.GetAsync(page);
        Assert.Equal("Miss", Assert.Single(after.Headers.GetValues("X-Cache")));
    }

    private static void Admin(Microsoft.Kiota.Abstractions.RequestHeaders headers, string etag)
    {
        headers.Add(MetalFests.ServiceDefaults.Security.RequestHeaders.ApiKey, AppFixture.AdminKey);
        headers.Add("If-Match", etag);
    }
}
