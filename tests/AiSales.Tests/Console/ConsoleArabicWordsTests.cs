using AiSales.Tests.MerchantApi;
using Microsoft.Playwright;
using static AiSales.Tests.MerchantConsole.ConsoleBrowser;
using static AiSales.Tests.MerchantConsole.ConsoleTestData;

namespace AiSales.Tests.MerchantConsole;

/// <summary>
/// No English on an Arabic page where a black-box run found some: the lockout's explanation (the API's detail, with
/// its count and minutes), the layout's labels for screen readers, and a reply's delivery tick when hovered; and no
/// focus ring around a page's heading.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleArabicWordsTests(ConsoleFixture fixture) : ConsolePageTest(fixture)
{
    [Fact]
    public async Task TheLockoutIsExplainedInArabicWithItsCountAndMinutes()
    {
        using var api = Fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        var page = await InviteAcceptedPageAsync(Fixture, merchant);
        await OpenInArabicAsync(page, Fixture, "/sign-in");
        await page.Locator("html[dir=rtl]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        var alert = page.Locator(".problem[role=alert]");
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await page.GotoAsync(Fixture.Web("/sign-in"));
            await SignInAsync(page, Fixture, merchant.OwnerEmail, "not-the-password-" + attempt);
            await alert.WaitForAsync();
        }

        var locked = page.Locator(".problem[role=alert]", new() { HasText = "مقفل" });
        await locked.WaitForAsync();
        var shown = await locked.InnerTextAsync();
        Assert.Contains("بعد 5 محاولات دخول فاشلة يُقفل الحساب 15 دقيقة", shown);
        Assert.DoesNotContain("failed sign-ins", shown);
    }

    [Fact]
    public async Task TheLayoutsLabelsAndADeliveryTicksTitleAreArabic()
    {
        using var api = Fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        await using var db = Fixture.Platform.CreateDataSource();
        var conversation = await MerchantApiTestData.SeedConversationAsync(db, merchant.Id, "whatsapp", TimeSpan.FromMinutes(5), status: "human");
        await using (var reply = db.CreateCommand("""
            INSERT INTO messages (merchant_id, conversation_id, platform, direction, author, text, delivery_status, sent_at)
            VALUES ($1, $2, 'whatsapp', 'outbound', 'human', 'نعم متوفرة', 'delivered', now())
            """))
        {
            reply.Parameters.AddWithValue(merchant.Id);
            reply.Parameters.AddWithValue(conversation.Id);
            await reply.ExecuteNonQueryAsync();
        }

        var page = await SignedInPageAsync(Fixture, merchant);
        await OpenInArabicAsync(page, Fixture, $"/inbox/{conversation.Id}");
        await page.Locator("html[dir=rtl]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await WaitForInteractiveAsync(page);

        var tick = page.Locator(".bubble.outbound .ticks");
        await tick.WaitForAsync();
        Assert.Equal("وصلت", await tick.GetAttributeAsync("title"));
        Assert.Equal("اللغة", await page.Locator("nav.language-links").GetAttributeAsync("aria-label"));
        Assert.Equal(1, await page.Locator("button[aria-label=القائمة]").CountAsync());
        Assert.Contains("واتساب / إنستغرام", await page.Locator(".inbox-filters").TextContentAsync());

        // The heading focused after navigation (for screen readers) has no focus ring drawn across the page's top.
        await page.GotoAsync(Fixture.Web("/orders"));
        await WaitForInteractiveAsync(page);
        await page.WaitForFunctionAsync("() => document.activeElement?.tagName === 'H1'");
        Assert.Equal("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));
    }
}
