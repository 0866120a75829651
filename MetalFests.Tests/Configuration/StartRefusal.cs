using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MetalFests.Tests.Configuration;

/// <summary>
/// A process's real host (<typeparamref name="TMarker"/>: any public type of its assembly) built with the given
/// settings and started: for the start-up checks only — what the process would print before exiting.
/// </summary>
internal sealed class StartAttempt<TMarker>(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<TMarker> where TMarker : class
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

internal static class StartRefusal
{
    /// <summary>The message of the start's failure (every inner one, joined); fails the test if it started.</summary>
    public static string MessageOf<TMarker>(IReadOnlyDictionary<string, string?> settings) where TMarker : class
    {
        using var attempt = new StartAttempt<TMarker>(settings);
        try
        {
            _ = attempt.Server;
        }
        catch (Exception refused)
        {
            return Describe(refused);
        }
        Assert.Fail("The process started with settings it should refuse: " + string.Join(", ", settings.Keys));
        return "";
    }

    /// <summary>What the process prints when its start fails: each exception's type and message, inner ones too.</summary>
    public static string Describe(Exception refused) => refused switch
    {
        AggregateException all => string.Join(Environment.NewLine, all.InnerExceptions.Select(Describe)),
        { InnerException: { } inner } => Line(refused) + Environment.NewLine + Describe(inner),
        _ => Line(refused),
    };

    private static string Line(Exception e) => $"{e.GetType().FullName}: {e.Message}";
}
