using System.Diagnostics;
using Amazon.CDK;

namespace MetalFests.Deploy.Functions;

/// <summary>
/// A service published as a Lambda custom runtime (<c>provided.al2023</c>): <c>dotnet publish</c>
/// self-contained for the target, plus the <c>bootstrap</c> Lambda starts. The Web Adapter runs
/// beside it as an extension and forwards each invocation to the port <c>bootstrap</c>'s app listens on.
/// Runs here as the asset's local bundling, so no Docker is needed.
/// </summary>
public sealed class FunctionPackage(string projectDirectory, string runtimeIdentifier) : Amazon.JSII.Runtime.Deputy.DeputyBase, ILocalBundling
{
    public const string LambdaRuntimeIdentifier = "linux-arm64";
    public const string Bootstrap = "bootstrap";

    public string Executable => Path.GetFileName(projectDirectory);

    public bool TryBundle(string outputDir, IBundlingOptions options)
    {
        Publish(outputDir);
        return true;
    }

    /// <summary>
    /// Publishes into <paramref name="outputDirectory"/> and writes an executable <c>bootstrap</c> that
    /// starts the service. Lambda's <c>provided.al2023</c> has no .NET, so functions are self-contained;
    /// framework-dependent serves tests and benchmarks on a machine that has the runtime.
    /// </summary>
    public void Publish(string outputDirectory, bool selfContained = true, params string[] extraArguments)
    {
        string[] arguments =
        [
            "publish", projectDirectory, "-c", "Release", "-r", runtimeIdentifier, selfContained ? "--self-contained" : "--no-self-contained",
            "-o", outputDirectory, "-nologo", "-v", "q",
            .. extraArguments,
        ];
        using var process = Process.Start(new ProcessStartInfo("dotnet", arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException("dotnet could not be started");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish {projectDirectory} failed ({process.ExitCode}):{System.Environment.NewLine}{output.Result}{error}");
        }

        var bootstrap = Path.Combine(outputDirectory, Bootstrap);
        File.WriteAllText(bootstrap, $"#!/bin/sh\ncd \"$(dirname \"$0\")\"\nexec ./{Executable}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(bootstrap, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
            UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
    }
}
