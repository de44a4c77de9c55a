using static AiSales.Tests.MerchantConsole.ConsoleBrowser;
using static AiSales.Tests.MerchantConsole.ConsoleTestData;

namespace AiSales.Tests.MerchantConsole;

/// <summary>The "try it" box on the assistant page, in a real Chromium: the answer uses the faq just saved.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleAssistantTrialPageTests(ConsoleFixture fixture) : ConsolePageTest(fixture)
{
    [Fact]
    public async Task TheTryItBoxAnswersWithTheFaqJustSavedAndSendsNothing()
    {
        var shop = await ConsoleShop.CreateAsync(Fixture);
        var page = await SignedInPageAsync(Fixture, shop.Merchant, width: 1280);
        await page.GotoAsync(Fixture.Web("/assistant"));
        await WaitForInteractiveAsync(page);

        await page.Locator("[data-testid=faq-add]").ClickAsync();
        var entry = page.Locator(".faq-entry[data-faq-index='0']");
        await entry.Locator("input[data-testid=faq-question]").FillAsync("Is delivery free?");
        await entry.Locator("textarea[data-testid=faq-answer]").FillAsync("Delivery is free inside Riyadh, 25 SAR elsewhere.");
        await page.Locator("button[data-testid=save]").ClickAsync();
        await page.Locator("[data-testid=saved]").WaitForAsync();

        await page.Locator("textarea[data-testid=trial-text]").FillAsync("Is delivery free?");
        await page.Locator("[data-testid=trial-ask]").ClickAsync();
        var reply = page.Locator("[data-testid=trial-reply]");
        await reply.WaitForAsync(new() { Timeout = 40_000 });

        Assert.Contains("free inside Riyadh", await reply.InnerTextAsync());
        Assert.Equal("ltr", await reply.GetAttributeAsync("dir"));
        Assert.Empty(await shop.GraphRequestsAsync(Fixture));
        using var api = Fixture.CreateApiClient();
        using var conversations = await SendAsync(api, HttpMethod.Get, "/api/conversations", shop.Merchant.ApiKey);
        Assert.Equal(0, (await conversations.JsonAsync()).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task AnArabicQuestionIsAnsweredRightToLeft()
    {
        using var api = Fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        using (var product = await SendAsync(api, HttpMethod.Post, "/api/products", merchant.ApiKey,
            new { sku = "ABA-BLK", name = "عباية سوداء", description = "", price = 180m, currency = "SAR", stock = 3, active = true }))
        {
            Assert.Equal(System.Net.HttpStatusCode.Created, product.StatusCode);
        }

        var page = await SignedInPageAsync(Fixture, merchant);
        await OpenInArabicAsync(page, Fixture, "/assistant");
        await WaitForInteractiveAsync(page);

        await page.Locator("textarea[data-testid=trial-text]").FillAsync("بكم العباية السوداء؟");
        await page.Locator("[data-testid=trial-ask]").ClickAsync();
        var reply = page.Locator("[data-testid=trial-reply]");
        await reply.WaitForAsync(new() { Timeout = 40_000 });

        Assert.Contains("180", await reply.InnerTextAsync());
        Assert.Equal("rtl", await reply.GetAttributeAsync("dir"));
        await WaitForRightToLeftAsync(page, "[data-testid=trial-reply]");
    }
}
