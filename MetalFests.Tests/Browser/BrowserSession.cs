using Microsoft.Playwright;

namespace MetalFests.Tests.Browser;

/// <summary>
/// A page of its own (fresh context) and what it reported: console errors from the site's own origin
/// (posters and map tiles live on other hosts, unreachable here, and their failed loads are not the
/// site's errors) and uncaught exceptions.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly List<string> _errors = [];

    internal BrowserSession(IBrowserContext context, IPage page, Uri baseAddress)
    {
        Context = context;
        Page = page;
        var origin = baseAddress.GetLeftPart(UriPartial.Authority);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && (string.IsNullOrEmpty(message.Location) || message.Location.StartsWith(origin, StringComparison.Ordinal)))
            {
                lock (_errors)
                {
                    _errors.Add($"{message.Text} ({message.Location})");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_errors)
            {
                _errors.Add($"uncaught: {error}");
            }
        };
    }

    public IBrowserContext Context { get; }
    public IPage Page { get; }

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    /// <summary>Opens a path and waits until the page's own scripts ran (not for images of other hosts).</summary>
    public async Task GotoAsync(string path) =>
        await Page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });

    /// <summary>Saves a screenshot of the page under the repository's <c>docs/</c>.</summary>
    public async Task ScreenshotAsync(string fileName) =>
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repository.Root, "docs", fileName) });

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
