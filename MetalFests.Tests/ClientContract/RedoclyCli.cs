using System.Diagnostics;
using MetalFests.Tests.Browser;

namespace MetalFests.Tests.ClientContract;

/// <summary>
/// The Redocly CLI pinned in <c>tools/openapi/package.json</c> (installed by this project's build),
/// run offline: telemetry, update checks and notifications off.
/// </summary>
public static class RedoclyCli
{
    public static string ToolsDirectory { get; } = Path.Combine(Repository.Root, "tools", "openapi");

    public sealed record Result(int ExitCode, string Output);

    /// <summary><c>redocly lint</c> with the recommended rules and no ignore file, on a document written to a temporary file.</summary>
    public static async Task<Result> LintAsync(string document, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("metalfests-openapi-");
        try
        {
            var file = Path.Combine(folder.FullName, "openapi.json");
            await File.WriteAllTextAsync(file, document, cancellationToken);
            var start = new ProcessStartInfo("node", [Path.Combine(ToolsDirectory, "node_modules", "@redocly", "cli", "bin", "cli.js"), "lint", file, "--extends=recommended", "--format=stylish"])
            {
                WorkingDirectory = folder.FullName,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var (name, value) in OfflineEnvironment)
            {
                start.Environment[name] = value;
            }
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return new Result(process.ExitCode, await output + await errors);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>What keeps the CLI from calling home (documented in README "For client developers").</summary>
    public static readonly IReadOnlyList<(string Name, string Value)> OfflineEnvironment =
    [
        ("REDOCLY_TELEMETRY", "off"),
        ("REDOCLY_SDK_TELEMETRY", "off"),
        ("DO_NOT_TRACK", "1"),
        ("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true"),
        ("REDOCLY_SUPPRESS_NOTIFICATIONS", "true"),
        ("CI", "true"),
    ];
}
