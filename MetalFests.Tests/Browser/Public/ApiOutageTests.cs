using MetalFests.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MetalFests.Tests.Browser.Public;

/// <summary>When the API is down, busy or unreachable the page says so plainly and keeps what it had loaded.</summary>
[Collection(AppCollection.Name)]
public sealed class ApiOutageTests(AppFixture fixture)
{
    [Theory]
    [InlineData(Failure.Unavailable)]
    [InlineData(Failure.RateLimited)]
    [InlineData(Failure.Unreachable)]
    public async Task Loaded_festivals_stay_and_a_plain_message_appears_when_later_calls_fail(Failure failure)
    {
        await using var api = await FailingApi.StartAsync(failure, listFrom: fixture);
        await using var session = await WebBrowser.OpenAsync(api.BaseAddress, Viewport.Desktop);

        await session.GotoAsync("/");

        var message = session.Page.Locator("#api-status");
        await Expect(message).ToBeVisibleAsync();
        await Expect(message).ToContainTextAsync(failure == Failure.RateLimited ? "try again in 7 seconds" : "try again in a minute");
        await Expect(session.Page.Cards()).ToHaveCountAsync(PublicSite.Festivals.Count);
        await Expect(session.Page.Locator("#loading")).ToBeHiddenAsync();
    }

    [Theory]
    [InlineData(Failure.Unavailable)]
    [InlineData(Failure.Unreachable)]
    public async Task Without_any_answer_the_page_says_so_instead_of_loading_forever(Failure failure)
    {
        await using var api = await FailingApi.StartAsync(failure, listFrom: null);
        await using var session = await WebBrowser.OpenAsync(api.BaseAddress, Viewport.Phone);

        await session.GotoAsync("/");

        await Expect(session.Page.Locator("#api-status")).ToContainTextAsync("cannot load its data right now");
        await Expect(session.Page.Locator("#loading")).ToBeHiddenAsync();
        await Expect(session.Page.Cards()).ToHaveCountAsync(0);
    }
}
