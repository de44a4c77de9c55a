using static AiSales.Tests.MerchantConsole.ConsoleBrowser;
using static AiSales.Tests.MerchantConsole.ConsoleTestData;

namespace AiSales.Tests.MerchantConsole;

/// <summary>The console's language is remembered per person (by the API), not only in the browser that chose it.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleLanguageTests(ConsoleFixture fixture) : ConsolePageTest(fixture)
{
    [Fact]
    public async Task ArabicChosenInOneBrowserOpensInArabicAfterSigningInFromAFreshBrowser()
    {
        using var api = Fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        var first = await SignedInPageAsync(Fixture, merchant);
        Assert.Equal("ltr", await first.Locator("html").GetAttributeAsync("dir"));

        await first.GotoAsync(Fixture.Web("/culture/ar?returnUrl=/orders"));
        await first.WaitForURLAsync("**/orders");
        Assert.Equal("rtl", await first.Locator("html").GetAttributeAsync("dir"));
        await WaitForInteractiveAsync(first);
        await first.Locator("[data-testid=sign-out]").ClickAsync();
        await first.WaitForURLAsync("**/sign-in");
        await first.Context.CloseAsync();

        var fresh = await Fixture.NewPageAsync();
        await SignInAsync(fresh, Fixture, merchant.OwnerEmail);
        await fresh.Locator("[data-testid=signed-in-as]").WaitForAsync();

        Assert.Equal("ar", await fresh.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("rtl", await fresh.Locator("html").GetAttributeAsync("dir"));
        await fresh.Context.CloseAsync();
    }

    [Fact]
    public async Task ArabicChosenOnTheSignInPageIsStoredWithThePersonAtSignIn()
    {
        using var api = Fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        var page = await InviteAcceptedPageAsync(Fixture, merchant);

        await page.Locator("a[hreflang=ar]").ClickAsync();
        await page.Locator("html[dir=rtl]").WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Attached });
        await SignInAsync(page, Fixture, merchant.OwnerEmail);
        await page.Locator("[data-testid=signed-in-as]").WaitForAsync();
        Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));
        await page.Context.CloseAsync();

        using (var signedIn = await SignInAsync(api, merchant.OwnerEmail))
        {
            Assert.Equal("ar", (await signedIn.JsonAsync()).GetProperty("user").GetProperty("language").GetString());
        }

        var fresh = await Fixture.NewPageAsync();
        await SignInAsync(fresh, Fixture, merchant.OwnerEmail);
        await fresh.Locator("[data-testid=signed-in-as]").WaitForAsync();
        Assert.Equal("ar", await fresh.Locator("html").GetAttributeAsync("lang"));
        await fresh.Context.CloseAsync();
    }

    [Fact]
    public async Task TheLanguageLinkReturnsToThePageShownAfterMovingThroughTheMenu()
    {
        using var api = Fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        var page = await SignedInPageAsync(Fixture, merchant, width: 1280);
        await page.GotoAsync(Fixture.Web("/"));
        await WaitForInteractiveAsync(page);

        await page.Locator("a[href='/orders']").First.ClickAsync();
        await page.WaitForURLAsync("**/orders");
        await page.Locator("a[hreflang=ar]").ClickAsync();
        await page.Locator("html[dir=rtl]").WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Attached });

        Assert.Equal("/orders", new Uri(page.Url).AbsolutePath);
    }
}
