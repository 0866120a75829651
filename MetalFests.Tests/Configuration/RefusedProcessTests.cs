using System.Diagnostics;
using MetalFests.ServiceDefaults.Security;
using MetalFests.Tests.Infrastructure;

namespace MetalFests.Tests.Configuration;

/// <summary>
/// A process given a bad API key setting does not run (issue 12): the services' and the gateway's own executables,
/// started as the AppHost or Lambda starts them, exit with an error naming the setting and never its value — here
/// the key itself configured where its hash goes.
/// </summary>
public sealed class RefusedProcessTests
{
    private static readonly TimeSpan Enough = TimeSpan.FromMinutes(2);

    public static TheoryData<string> Processes => ["MetalFests.FestivalsService", "MetalFests.CatalogService", "MetalFests.Gateway"];

    [Theory]
    [MemberData(nameof(Processes))]
    public async Task A_process_with_a_key_where_its_hash_goes_exits_naming_the_setting(string assembly)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, assembly + ".dll"));
        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith(ApiKeyOptions.SectionName, StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(inherited);
        }
        start.Environment["ApiKeys__0__Id"] = "dev";
        start.Environment["ApiKeys__0__Hash"] = AppFixture.AdminKey;
        start.Environment["ApiKeys__0__Permission"] = "Delete";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Enough);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{assembly} was still running after {Enough}: it should have refused to start");
        }
        var printed = await output + await errors;

        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("OptionsValidationException", printed);
        Assert.Contains("ApiKeys:0:Hash", printed);
        Assert.DoesNotContain(AppFixture.AdminKey, printed);
    }
}
