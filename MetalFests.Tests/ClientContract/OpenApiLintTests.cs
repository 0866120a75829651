using System.Text.RegularExpressions;
using MetalFests.Api.Versioning;
using MetalFests.Gateway.Routing;
using MetalFests.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MetalFests.Tests.ClientContract;

/// <summary>
/// The documents client developers build on pass Redocly's recommended rules (pinned CLI, no ignore
/// file): each version's merged document and each service's own of each version, read live from the
/// gateway. No error; a warning only of a rule whose finding README "For client developers" explains.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class OpenApiLintTests(AppFixture fixture, ITestOutputHelper output)
{
    /// <summary>The warnings kept, each explained in README: the API states no licence; a local run's server is localhost.</summary>
    private static readonly HashSet<string> ExplainedWarnings = ["info-license", "no-server-example.com"];

    public static TheoryData<string> Documents() =>
    [
        .. ApiVersions.All.SelectMany(version =>
            RouteTable.DocumentedServices.Select(service => RouteTable.ServiceDocumentPath(service, version)).Prepend(RouteTable.ApiDocumentPathOf(version))),
    ];

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Each_document_passes_the_recommended_lint_rules_without_errors_or_unexplained_warnings(string path)
    {
        var document = await fixture.Gateway.GetStringAsync(path);

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var lint = await RedoclyCli.LintAsync(document, timeout.Token);

        output.WriteLine(lint.Output);
        // The CLI ran (it names the file it validated) and found no error.
        Assert.Contains("openapi.json", lint.Output);
        Assert.True(lint.ExitCode == 0, $"{path}: redocly lint exited {lint.ExitCode}:\n{lint.Output}");
        var warnings = Finding().Matches(lint.Output).Where(m => m.Groups["severity"].Value == "warning").Select(m => m.Groups["rule"].Value).ToHashSet();
        Assert.True(warnings.IsSubsetOf(ExplainedWarnings), $"{path}: unexplained warnings {string.Join(", ", warnings.Except(ExplainedWarnings))}:\n{lint.Output}");
    }

    /// <summary>A finding of the stylish format: <c>  3:3  warning  info-license  Info object should contain ...</c>.</summary>
    [GeneratedRegex(@"^\s*\d+:\d+\s+(?<severity>error|warning)\s+(?<rule>\S+)", RegexOptions.Multiline)]
    private static partial Regex Finding();
}
