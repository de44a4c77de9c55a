using System.Net;
using Microsoft.Playwright;
using static AiSales.Tests.MerchantConsole.ConsoleBrowser;
using static AiSales.Tests.MerchantConsole.ConsoleTestData;

namespace AiSales.Tests.MerchantConsole;

/// <summary>An invite link that can no longer set a password says so as soon as it is opened, in both languages.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleInvitePageTests(ConsoleFixture fixture) : ConsolePageTest(fixture)
{
    [Fact]
    public async Task AUsedInviteSaysSoAtOnceWithWhatToDoInBothLanguagesWithoutTheEmail()
    {
        using var api = Fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        using (var accepted = await AcceptInviteAsync(api, merchant.InviteToken))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        var page = await Fixture.NewPageAsync();
        await page.GotoAsync(merchant.InviteUrl);

        var closed = page.Locator("[data-testid=invite-closed]");
        await closed.WaitForAsync();
        Assert.Contains("It has already been used, or it has expired.", await closed.InnerTextAsync());
        Assert.Contains("ask for a new invitation: from your shop's owner, or from the AiSales operator", await closed.InnerTextAsync());
        Assert.Equal(0, await page.Locator("#password, #set-password").CountAsync());
        Assert.Equal("/sign-in", await page.Locator("[data-testid=invite-sign-in]").GetAttributeAsync("href"));
        Assert.DoesNotContain(merchant.OwnerEmail, await page.ContentAsync());

        // The language switch returns to the same link, now in Arabic.
        await ChooseLanguageAsync(page, "ar");
        Assert.Equal(merchant.InviteUrl, page.Url);
        Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));
        Assert.Equal("لم يعد بالإمكان استخدام هذه الدعوة", (await page.Locator("h1").InnerTextAsync()).Trim());
        var arabic = await page.Locator("[data-testid=invite-closed]").InnerTextAsync();
        Assert.Contains("فقد استُخدمت من قبل أو انتهت صلاحيتها.", arabic);
        Assert.Contains("اطلب دعوة جديدة: من مالك المتجر، أو من مشغّل AiSales", arabic);
        Assert.Equal(0, await page.Locator("#password").CountAsync());
        await ScreenshotAsync(page, "console-invite-used-ar-390");
    }

    [Fact]
    public async Task AnExpiredOrUnknownInviteSaysSoAtOnceAndAnOpenOneStillSetsThePassword()
    {
        using var api = Fixture.CreateApiClient();
        var expired = await CreateMerchantAsync(api);
        await using (var db = Fixture.Platform.CreateDataSource())
        await using (var expire = db.CreateCommand("""
            UPDATE merchant_user_invites SET expires_at = now() - interval '1 minute'
            WHERE user_id = (SELECT id FROM merchant_users WHERE email = $1)
            """))
        {
            expire.Parameters.AddWithValue(expired.OwnerEmail);
            Assert.Equal(1, await expire.ExecuteNonQueryAsync());
        }

        var page = await Fixture.NewPageAsync();
        await page.GotoAsync(expired.InviteUrl);
        await page.Locator("[data-testid=invite-closed]").WaitForAsync();
        Assert.Equal(0, await page.Locator("#password").CountAsync());

        await page.GotoAsync(Fixture.Web("/accept-invite?token=not-a-real-token"));
        await page.Locator("[data-testid=invite-closed]").WaitForAsync();
        await page.GotoAsync(Fixture.Web("/accept-invite"));
        await page.Locator("[data-testid=invite-closed]").WaitForAsync();

        // Opening an open invite's link does not use it.
        var open = await CreateMerchantAsync(api);
        await page.GotoAsync(open.InviteUrl);
        await page.Locator("#password").WaitForAsync();
        await page.ReloadAsync();
        await SetPasswordAsync(page, open.InviteUrl);
        await page.WaitForURLAsync("**/sign-in?welcome=true");
    }
}
