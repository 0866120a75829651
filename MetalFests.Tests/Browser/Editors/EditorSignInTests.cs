using MetalFests.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MetalFests.Tests.Browser.Editors;

/// <summary>
/// The editors' pages ask for an API key once, keep it in localStorage (<c>metalfests.adminKey</c>) until
/// "Sign out", and say plainly when a key is not accepted, showing nothing else.
/// </summary>
[Collection(WritesCollection.Name)]
public sealed class EditorSignInTests(WritesFixture app)
{
    [Theory]
    [MemberData(nameof(Viewport.Both), MemberType = typeof(Viewport))]
    public async Task A_wrong_key_is_refused_with_a_message_and_nothing_else(string viewport)
    {
        await using var session = await WebBrowser.OpenAsync(app.Gateway.BaseAddress!, Viewport.Named(viewport));
        await session.GotoAsync("/admin");

        await session.SignInAsync("not-a-key-anyone-has");

        await Expect(session.Page.Locator("#signInError")).ToContainTextAsync("not accepted");
        await Expect(session.Page.Locator("#editor")).ToBeHiddenAsync();
        await Expect(session.Page.Locator(".list-item")).ToHaveCountAsync(0);
        Assert.Null(await session.Page.StoredKeyAsync());
        Assert.DoesNotContain(session.Errors, e => !e.Contains("401", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Viewport.Both), MemberType = typeof(Viewport))]
    public async Task The_right_key_opens_the_list_and_is_kept_across_reloads_until_sign_out(string viewport)
    {
        await using var session = await Editor.SignedInAsync(app, "/admin", Viewport.Named(viewport));
        var page = session.Page;
        await Expect(page.Locator(".list-item").First).ToBeVisibleAsync();
        Assert.Equal(AppFixture.AdminKey, await page.StoredKeyAsync());

        await page.ReloadAsync();
        await Expect(page.Locator(".list-item").First).ToBeVisibleAsync();
        await Expect(page.Locator("#signIn")).ToBeHiddenAsync();

        await page.GotoAsync("/admin/bands");
        await Expect(page.Locator(".list-item").First).ToBeVisibleAsync();

        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.Locator("#signIn")).ToBeVisibleAsync();
        await Expect(page.Locator("#editor")).ToBeHiddenAsync();
        Assert.Null(await page.StoredKeyAsync());
        Assert.Empty(session.Errors);
    }
}
