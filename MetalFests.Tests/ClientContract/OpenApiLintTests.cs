using MetalFests.Gateway.Routing;
using MetalFests.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MetalFests.Tests.ClientContract;

/// <summary>
/// The documents client developers build on pass Redocly's recommended rules (pinned CLI, no ignore
/// file): the merged document and each service's own, read live from the gateway.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class OpenApiLintTests(AppFixture fixture, ITestOutputHelper output)
{
    public static TheoryData<string> Documents() =>
        [RouteTable.ApiDocumentPath, .. RouteTable.DocumentedServices.Select(service => RouteTable.ServiceDocumentPath(service))];

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Each_document_passes_the_recommended_lint_rules_without_errors(string path)
    {
        var document = await fixture.Gateway.GetStringAsync(path);

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var lint = await RedoclyCli.LintAsync(document, timeout.Token);

        output.WriteLine(lint.Output);
        // The CLI ran (it names the file it validated) and found no error; warnings are allowed.
        Assert.Contains("openapi.json", lint.Output);
        Assert.True(lint.ExitCode == 0, $"{path}: redocly lint exited {lint.ExitCode}:\n{lint.Output}");
    }
}
