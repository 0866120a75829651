using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MetalFests.Tests.Configuration;

/// <summary>
/// A process's real host (<typeparamref name="TMarker"/>: any public type of its assembly) built with the given
/// settings and started: for the start-up checks only — what the process would print before exiting.
/// </summary>
internal sealed class StartAttempt<TMarker>(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<TMarker> where TMarker : class
{
    /// <summary>The exceptions the host logged as errors (hosting logs why its start failed, then throws it).</summary>
    public ConcurrentQueue<Exception> Logged { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.Services.AddSingleton<ILoggerProvider>(new ErrorCapture(Logged)));
    }

    private sealed class ErrorCapture(ConcurrentQueue<Exception> logged) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel) && exception is not null)
            {
                logged.Enqueue(exception);
            }
        }

        public void Dispose()
        {
        }
    }
}

internal static class StartRefusal
{
    /// <summary>
    /// The message of the start's failure (every inner one, joined), as the host logged it and as the start threw it;
    /// fails the test if it started. Both, because a failed start's host is disposed by the entry point's thread, and
    /// the test host's own thread, when slower, then meets only that disposal (an <see cref="ObjectDisposedException"/>).
    /// </summary>
    public static string MessageOf<TMarker>(IReadOnlyDictionary<string, string?> settings) where TMarker : class
    {
        using var attempt = new StartAttempt<TMarker>(settings);
        try
        {
            _ = attempt.Server;
        }
        catch (Exception refused)
        {
            return string.Join(Environment.NewLine, attempt.Logged.Select(Describe).Append(Describe(refused)));
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
