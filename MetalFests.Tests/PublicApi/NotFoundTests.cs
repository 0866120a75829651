using System.Net;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.PublicApi;

/// <summary>A well-formed key that names nothing: 404 RESOURCE_NOT_FOUND in the seed's envelope, naming the resource and key.</summary>
[Collection(AppCollection.Name)]
public sealed class NotFoundTests(AppFixture fixture)
{
    [Theory]
    [InlineData("/api/festivals/no-such-festival", "Festival", "no-such-festival")]
    [InlineData("/api/festivals/no-such-festival/editions", "Festival", "no-such-festival")]
    [InlineData("/api/festivals/no-such-festival/editions/2026", "Festival", "no-such-festival")]
    [InlineData("/api/festivals/hellfest/editions/2025", "Edition", "hellfest/2025")]
    [InlineData("/api/bands/no-such-band", "Band", "no-such-band")]
    [InlineData("/api/bands/no-such-band/festivals", "Band", "no-such-band")]
    [InlineData("/api/genres/no-such-genre", "Genre", "no-such-genre")]
    [InlineData("/api/genres/no-such-genre/bands", "Genre", "no-such-genre")]
    [InlineData("/api/roles/no-such-role", "Role", "no-such-role")]
    [InlineData("/api/roles/no-such-role/members", "Role", "no-such-role")]
    public async Task An_unknown_key_is_a_404_naming_the_resource_and_the_key(string path, string resource, string key)
    {
        var error = await fixture.Gateway.GetErrorAsync(path, HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");

        var details = error.GetProperty("details");
        Assert.Equal(resource, details.Str("resource"));
        Assert.Equal(key, details.Str("key"));
        Assert.Equal($"{resource} with key '{key}' not found", error.Str("message"));
    }

    [Theory]
    // A key of another kind of resource is not found either: keys are per resource.
    [InlineData("/api/bands/hellfest", "Band")]
    [InlineData("/api/festivals/pod", "Festival")]
    [InlineData("/api/genres/vocals", "Genre")]
    [InlineData("/api/roles/nu-metal", "Role")]
    public async Task A_key_of_another_resource_kind_is_not_found(string path, string resource)
    {
        var error = await fixture.Gateway.GetErrorAsync(path, HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");

        Assert.Equal(resource, error.GetProperty("details").Str("resource"));
    }

    [Fact]
    public async Task Two_errors_carry_two_different_request_ids()
    {
        var first = await fixture.Gateway.GetErrorAsync("/api/bands/no-such-band", HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
        // A different key: the edge keeps a 404 for 30 s, and a copy is the same answer, request id included.
        var second = await fixture.Gateway.GetErrorAsync("/api/bands/no-such-band-either", HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");

        Assert.NotEqual(first.Str("requestId"), second.Str("requestId"));
    }
}
