using Microsoft.Playwright;
using static AiSales.Tests.MerchantConsole.ConsoleBrowser;
using static AiSales.Tests.MerchantConsole.ConsoleTestData;

namespace AiSales.Tests.MerchantConsole;

/// <summary>The console's sign-in in a real Chromium against the AppHost's web and api: invite, password, cookie, language, lockout, sign-out.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleSignInPageTests(ConsoleFixture fixture) : ConsolePageTest(fixture)
{
    [Fact]
    public async Task InviteThenPasswordThenSignInShowsTheShopWithAnHttpOnlyCookie()
    {
        using var api = Fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        Assert.StartsWith(Fixture.WebAddress.GetLeftPart(UriPartial.Authority), merchant.InviteUrl);

        var page = await SignedInPageAsync(Fixture, merchant);

        Assert.Equal("/", Path(page));
        Assert.Equal(merchant.Name, (await page.Locator("[data-testid=shop-name]").InnerTextAsync()).Trim());
        Assert.Contains(merchant.OwnerEmail, await page.Locator("[data-testid=signed-in-as]").InnerTextAsync());
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "aisales.console");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, cookie.SameSite);
        Assert.DoesNotContain("aisales.console", await page.EvaluateAsync<string>("() => document.cookie"));
        Assert.DoesNotContain("aiss_", cookie.Value);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/inbox")]
    public async Task EveryPageSendsAStrangerToSignIn(string path)
    {
        var page = await Fixture.NewPageAsync();

        await page.GotoAsync(Fixture.Web(path));

        Assert.Equal("/sign-in", Path(page));
        Assert.Contains("returnUrl=", page.Url);
        Assert.Equal(0, await page.Locator("[data-testid=shop-name]").CountAsync());
    }

    [Fact]
    public async Task ArabicIsRightToLeftAndRememberedAcrossSignIn()
    {
        using var api = Fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        var page = await InviteAcceptedPageAsync(Fixture, merchant);

        await page.Locator(".language-links button[lang=ar]").ClickAsync();
        await page.WaitForFunctionAsync("() => document.documentElement.dir === 'rtl'");
        Assert.Equal("ar", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("تسجيل الدخول", (await page.Locator("h1").InnerTextAsync()).Trim());
        await ScreenshotAsync(page, "console-sign-in-ar-390");

        await SignInAsync(page, Fixture, merchant.OwnerEmail);
        await page.Locator("[data-testid=signed-in-as]").WaitForAsync();
        Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));
        await WaitForRightToLeftAsync(page, "[data-testid=signed-in-as]");
        await page.ReloadAsync();
        Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));
        await ScreenshotAsync(page, "console-overview-ar-390");
    }

    [Fact]
    public async Task AWrongPasswordOnTheArabicPageIsSaidInArabic()
    {
        using var api = Fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        var page = await InviteAcceptedPageAsync(Fixture, merchant);
        await page.Locator(".language-links button[lang=ar]").ClickAsync();
        await page.WaitForFunctionAsync("() => document.documentElement.dir === 'rtl'");

        await SignInAsync(page, Fixture, merchant.OwnerEmail, "not the password");

        var problem = page.Locator(".problem");
        await problem.WaitForAsync();
        var text = await problem.InnerTextAsync();
        Assert.Contains("تعذّر تسجيل الدخول", text);
        Assert.Contains("البريد الإلكتروني أو كلمة المرور غير صحيحة", text);
        Assert.DoesNotContain("password", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task FiveWrongPasswordsShowTheLockAndTheRightOneThenFails()
    {
        using var api = Fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        var page = await InviteAcceptedPageAsync(Fixture, merchant);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await SignInAsync(page, Fixture, merchant.OwnerEmail, $"wrong password {attempt}");
            await page.Locator(".problem").WaitForAsync();
        }

        Assert.Equal("423", await page.Locator(".problem").GetAttributeAsync("data-status"));
        await SignInAsync(page, Fixture, merchant.OwnerEmail);
        await page.Locator(".problem[data-status='423']").WaitForAsync();
        Assert.Equal("/sign-in", Path(page));
    }

    [Fact]
    public async Task BadInviteInputShowsTheApisMessageNextToTheField()
    {
        using var api = Fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        var page = await Fixture.NewPageAsync();

        await page.GotoAsync(merchant.InviteUrl);
        await page.Locator("#password").EvaluateAsync("e => e.removeAttribute('minlength')");
        await page.Locator("#password").FillAsync("short");
        await page.Locator("#set-password").ClickAsync();

        var problem = page.Locator(".field-problem[data-field=password]");
        await problem.WaitForAsync();
        Assert.Contains("10", await problem.InnerTextAsync());
    }

    [Fact]
    public async Task SignOutEndsTheSessionAndNeedsTheAntiForgeryToken()
    {
        using var api = Fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        var page = await SignedInPageAsync(Fixture, merchant);

        var forged = await page.Context.APIRequest.PostAsync(Fixture.Web("/account/sign-out"), new APIRequestContextOptions { MaxRedirects = 0, Timeout = 60_000 });
        Assert.Equal(400, forged.Status);
        await page.ReloadAsync();
        await page.Locator("[data-testid=signed-in-as]").WaitForAsync();
        await WaitForInteractiveAsync(page);

        await page.Locator("[data-testid=sign-out]").ClickAsync();
        await page.WaitForURLAsync("**/sign-in");
        await page.GotoAsync(Fixture.Web("/"));
        Assert.Equal("/sign-in", Path(page));
    }

    [Fact]
    public async Task ALinkToTheExpiredRouteSignsOutOnlyASessionTheApiAlreadyRefuses()
    {
        using var api = Fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        var page = await SignedInPageAsync(Fixture, merchant);

        // From another site, while the session works: nothing ends, the person lands on the overview.
        await page.GotoAsync(Fixture.Web("/account/expired"));
        await page.Locator("[data-testid=signed-in-as]").WaitForAsync();
        Assert.Equal("/", Path(page));

        // Once the API refuses the token (here revoked; usually expired), the same route signs the browser out.
        await using (var db = Fixture.Platform.CreateDataSource())
        await using (var revoke = db.CreateCommand("""
            UPDATE merchant_user_sessions SET revoked_at = now()
            WHERE user_id = (SELECT id FROM merchant_users WHERE email = $1) AND revoked_at IS NULL
            """))
        {
            revoke.Parameters.AddWithValue(merchant.OwnerEmail);
            Assert.Equal(1, await revoke.ExecuteNonQueryAsync());
        }

        await page.GotoAsync(Fixture.Web("/account/expired"));
        await page.WaitForURLAsync("**/sign-in?expired=true");
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "aisales.console");
    }
}
