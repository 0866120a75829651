using Microsoft.Playwright;

namespace MetalFests.Tests.Browser;

/// <summary>
/// One headless Chromium (Debian's, see ../shared/design/platform.md) for every browser test of the
/// run, started on first use and closed when the test process exits. Each test opens its own
/// <see cref="BrowserSession"/> (a fresh context: no shared cookies, storage or cache).
/// </summary>
public static class WebBrowser
{
    public const string ChromiumPath = "/usr/lib/chromium/chromium";

    private static readonly Lazy<Task<(IPlaywright Playwright, IBrowser Browser)>> Shared = new(LaunchAsync);

    private static async Task<(IPlaywright, IBrowser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            browser.CloseAsync().GetAwaiter().GetResult();
            playwright.Dispose();
        };
        return (playwright, browser);
    }

    /// <summary>A new page in a fresh context, its relative URLs resolved against <paramref name="baseAddress"/>.</summary>
    public static async Task<BrowserSession> OpenAsync(Uri baseAddress, Viewport viewport)
    {
        var (_, browser) = await Shared.Value;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = viewport.Width, Height = viewport.Height },
            IsMobile = viewport.IsMobile,
            HasTouch = viewport.IsMobile,
        });
        // Conditions, not sleeps: every wait below ends as soon as it holds, or fails after this long.
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page, baseAddress);
    }
}
