using Aspire.Hosting;
using Aspire.Hosting.Testing;
using MetalFests.AppHost;
using Microsoft.Extensions.Options;

namespace MetalFests.Tests.Configuration;

/// <summary>
/// The AppHost refuses to start on a development admin key shorter than 32 characters or not printable ASCII
/// without spaces (issue 12), naming where the key came from and never showing it: before any resource starts.
/// </summary>
public sealed class DevelopmentKeyRefusalTests
{
    private static async Task<string> RefusalAsync(params string[] settings)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.MetalFests_AppHost>(["Database:Provider=local", "Database:LocalDataPath=", .. settings]);
        var app = await builder.BuildAsync();
        using var enough = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await app.StartAsync(enough.Token);
        }
        catch (Exception refused) when (refused is not OperationCanceledException)
        {
            return StartRefusal.Describe(refused);
        }
        finally
        {
            // After a refused start the orchestrator's clean-up waits ~30 s on a control plane that never came up;
            // nothing was started, so the test does not wait with it (the clean-up goes on in the background).
            _ = app.DisposeAsync().AsTask();
        }
        Assert.Fail("The AppHost started with a development key it should refuse");
        return "";
    }

    [Fact]
    public async Task A_given_key_shorter_than_32_characters_is_refused_naming_the_variable()
    {
        const string key = "thirty-one-characters-long-key0";
        Assert.Equal(31, key.Length);

        var message = await RefusalAsync($"{AdminKeys.EnvironmentVariable}={key}");

        Assert.Contains(nameof(OptionsValidationException), message);
        Assert.Contains("METALFESTS_ADMIN_KEY", message);
        Assert.Contains("32", message);
        Assert.DoesNotContain(key, message);
    }

    [Fact]
    public async Task A_given_key_with_a_space_is_refused_naming_the_variable()
    {
        const string key = "a long enough key but with spaces in it";

        var message = await RefusalAsync($"{AdminKeys.EnvironmentVariable}={key}");

        Assert.Contains("METALFESTS_ADMIN_KEY", message);
        Assert.DoesNotContain(key, message);
    }

    /// <summary>A key kept from an earlier run (user secrets) that is too short: named as that setting.</summary>
    [Fact]
    public async Task A_kept_key_shorter_than_32_characters_is_refused_naming_the_setting()
    {
        var message = await RefusalAsync($"{AdminKeys.EnvironmentVariable}=", "Parameters:admin-key=kept-but-too-short");

        Assert.Contains("Parameters:admin-key", message);
        Assert.DoesNotContain("kept-but-too-short", message);
    }
}
