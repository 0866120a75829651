using System.Net;
using MetalFests.ServiceDefaults;
using MetalFests.ServiceDefaults.Security;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.AdminApi;

/// <summary>
/// Every <c>/api/admin</c> endpoint is protected, whether or not it says so (issue 12): an endpoint mapped with no
/// permission of its own — what a forgetful new one looks like; mapped by every process of the running system only
/// because the tests set <c>Testing:UnattributedAdminEndpoint</c> — is closed to every caller but a key with full
/// permission, on each process's own port. Deny by default: a forgotten permission can only be too strict.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class UnattributedAdminEndpointTests(AppFixture fixture)
{
    public static TheoryData<string> Processes => [ServiceNames.Festivals, ServiceNames.Catalog, ServiceNames.Gateway];

    [Theory]
    [MemberData(nameof(Processes))]
    public Task Without_a_key_it_is_401(string process) =>
        CallAsync(process, key: null).ExpectErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");

    [Theory]
    [MemberData(nameof(Processes))]
    public Task With_a_key_no_one_configured_it_is_401(string process) =>
        CallAsync(process, "test-only-key-that-nobody-configured-0000").ExpectErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");

    [Theory]
    [MemberData(nameof(Processes))]
    public async Task A_read_or_write_key_is_403_needing_delete(string process)
    {
        foreach (var key in new[] { AppFixture.ViewerKey, AppFixture.EditorKey })
        {
            var error = await CallAsync(process, key).ExpectErrorAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
            Assert.Equal("delete", error.GetProperty("details").GetProperty("requiredPermission").GetString());
        }
    }

    /// <summary>The endpoint is there (the 401s above are not a missing route's): a full key reaches it.</summary>
    [Theory]
    [MemberData(nameof(Processes))]
    public async Task A_full_key_reaches_it(string process)
    {
        using var response = await CallAsync(process, AppFixture.AdminKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("reached", await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpResponseMessage> CallAsync(string process, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ApiKeysExtensions.UnattributedAdminPath);
        if (key is not null)
        {
            request.Headers.Add(RequestHeaders.ApiKey, key);
        }
        return await fixture.Service(process).SendAsync(request);
    }
}
