using Microsoft.Playwright;
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

        await OpenInArabicAsync(first, Fixture, "/orders");
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

        await page.Locator(".language-links button[lang=ar]").ClickAsync();
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
        await page.Locator(".language-links button[lang=ar]").ClickAsync();
        await page.Locator("html[dir=rtl]").WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Attached });

        Assert.Equal("/orders", new Uri(page.Url).AbsolutePath);
    }

    [Fact]
    public async Task AnotherSiteCannotChooseThePersonsLanguageAndTheSwitchWorksOnTheNotFoundPage()
    {
        using var api = Fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        var page = await SignedInPageAsync(Fixture, merchant);

        // The old link is no route any more, and a form posted from elsewhere (no anti-forgery token) is refused.
        var link = await page.GotoAsync(Fixture.Web("/culture/ar?returnUrl=/orders"));
        Assert.Equal(404, link!.Status);
        var forged = await page.Context.APIRequest.PostAsync(Fixture.Web("/culture"), new APIRequestContextOptions
        {
            Form = page.Context.APIRequest.CreateFormData().Set("culture", "ar").Set("returnUrl", "/orders"),
            MaxRedirects = 0,
            Timeout = 60_000,
        });
        Assert.Equal(400, forged.Status);
        await page.GotoAsync(Fixture.Web("/orders"));
        Assert.Equal("ltr", await page.Locator("html").GetAttributeAsync("dir"));
        using (var signedIn = await SignInAsync(api, merchant.OwnerEmail))
        {
            Assert.NotEqual("ar", (await signedIn.JsonAsync()).GetProperty("user").GetProperty("language").GetString());
        }

        // The switch itself works on every page, the not-found page included: back to it, in Arabic, still a 404.
        await page.GotoAsync(Fixture.Web("/no-such-page"));
        var returned = page.WaitForResponseAsync(r => r.Request.Method == "GET" && r.Url.EndsWith("/no-such-page", StringComparison.Ordinal));
        await ChooseLanguageAsync(page, "ar");
        Assert.Equal(404, (await returned).Status);
        Assert.Equal("/no-such-page", Path(page));
        Assert.Equal("الصفحة غير موجودة", (await page.Locator("h1").InnerTextAsync()).Trim());
        await ChooseLanguageAsync(page, "en");
        Assert.Equal("ltr", await page.Locator("html").GetAttributeAsync("dir"));
    }
}
