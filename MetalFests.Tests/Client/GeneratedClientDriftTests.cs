using MetalFests.Gateway.Routing;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.Client;

/// <summary>
/// The generated client matches the API: it was generated from the document the running app serves.
/// On a difference the live document is written over the snapshot, so the fix is one command.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class GeneratedClientDriftTests(AppFixture fixture)
{
    [Fact]
    public async Task The_committed_client_was_generated_from_the_document_the_api_serves()
    {
        var live = OpenApiSnapshot.Normalize(await fixture.Gateway.GetStringAsync(RouteTable.ApiDocumentPath));
        var committed = File.Exists(OpenApiSnapshot.FilePath) ? await File.ReadAllTextAsync(OpenApiSnapshot.FilePath) : "";

        if (live != committed)
        {
            await File.WriteAllTextAsync(OpenApiSnapshot.FilePath, live);
        }
        Assert.True(live == committed,
            $"The API's document changed since the client was generated; the new one is written to {OpenApiSnapshot.FilePath}: run {OpenApiSnapshot.RegenerateCommand} and commit both.");
    }
}
