using static AiSales.Tests.MerchantConsole.ConsoleBrowser;
using static AiSales.Tests.MerchantConsole.ConsoleTestData;

namespace AiSales.Tests.MerchantConsole;

/// <summary>The assistant settings page in a real Chromium: saved through the API, the API's field problems shown; its order notices section.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleAssistantPageTests(ConsoleFixture fixture) : ConsolePageTest(fixture)
{
    [Fact]
    public async Task SettingsTheInteractiveRepliesSwitchAndThePhotoChoiceAreSavedThroughTheApiAndABlankNameIsRefusedNextToTheField()
    {
        using var api = Fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        var page = await SignedInPageAsync(Fixture, merchant);
        await page.GotoAsync(Fixture.Web("/assistant"));
        await WaitForInteractiveAsync(page);

        await page.Locator("input[data-testid=assistant-name]").FillAsync("");
        await page.Locator("button[data-testid=save]").ClickAsync();
        await page.Locator(".field-problem[data-field=assistantName]").WaitForAsync();

        await page.Locator("input[data-testid=assistant-name]").FillAsync("نورة");
        await page.Locator("textarea[data-testid=handoff-keywords]").FillAsync("موظف\nhuman, manager");
        var interactive = page.Locator("[data-testid=interactive-replies] input, input[data-testid=interactive-replies]").First;
        Assert.True(await interactive.IsCheckedAsync());
        await interactive.SetCheckedAsync(false, new() { Force = true });
        // The photo choice: MudBlazor's select opens a list of its two items; the second hands over to a person.
        await page.Locator("[data-testid=image-reply]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Nth(1).ClickAsync();
        await page.Locator("button[data-testid=save]").ClickAsync();
        await page.Locator("[data-testid=saved]").WaitForAsync();

        using var stored = await SendAsync(api, HttpMethod.Get, "/api/merchant/ai-config", merchant.ApiKey);
        var config = await stored.JsonAsync();
        Assert.Equal("نورة", config.GetProperty("assistantName").GetString());
        Assert.Equal(new[] { "موظف", "human", "manager" }, config.GetProperty("handoffKeywords").EnumerateArray().Select(k => k.GetString()!).ToArray());
        Assert.False(config.GetProperty("interactiveReplies").GetBoolean());
        Assert.Equal("handoff", config.GetProperty("imageReply").GetString());
        await page.ReloadAsync();
        await WaitForInteractiveAsync(page);
        Assert.Equal("نورة", await page.Locator("input[data-testid=assistant-name]").InputValueAsync());
        Assert.False(await interactive.IsCheckedAsync());
    }

    [Fact]
    public async Task FaqEntriesAreSavedKeptOnReloadAndTheApisProblemIsShownUnderItsEntry()
    {
        using var api = Fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        var page = await SignedInPageAsync(Fixture, merchant, width: 1280);
        await page.GotoAsync(Fixture.Web("/assistant"));
        await WaitForInteractiveAsync(page);

        await page.Locator("[data-testid=faq-add]").ClickAsync();
        await page.Locator("[data-testid=faq-add]").ClickAsync();
        var first = page.Locator(".faq-entry[data-faq-index='0']");
        var second = page.Locator(".faq-entry[data-faq-index='1']");
        await first.Locator("input[data-testid=faq-question]").FillAsync("هل التوصيل مجاني؟");
        await first.Locator("textarea[data-testid=faq-answer]").FillAsync("نعم، التوصيل مجاني داخل الرياض.");
        await second.Locator("input[data-testid=faq-question]").FillAsync("Returns?");
        await second.Locator("textarea[data-testid=faq-answer]").FillAsync(new string('x', 2001));
        await page.Locator("button[data-testid=save]").ClickAsync();
        await second.Locator(".field-problem[data-field='faq[1].answer']").WaitForAsync();
        Assert.Equal(0, await first.Locator(".field-problem").CountAsync());

        await second.Locator("textarea[data-testid=faq-answer]").FillAsync("Within 14 days, unworn.");
        await page.Locator("button[data-testid=save]").ClickAsync();
        await page.Locator("[data-testid=saved]").WaitForAsync();
        await page.ReloadAsync();
        await WaitForInteractiveAsync(page);
        Assert.Equal("هل التوصيل مجاني؟", await first.Locator("input[data-testid=faq-question]").InputValueAsync());
        Assert.Equal("Within 14 days, unworn.", await second.Locator("textarea[data-testid=faq-answer]").InputValueAsync());

        await first.Locator("[data-testid=faq-remove]").ClickAsync();
        await page.Locator("button[data-testid=save]").ClickAsync();
        await page.Locator("[data-testid=saved]").WaitForAsync();
        using var stored = await SendAsync(api, HttpMethod.Get, "/api/merchant/ai-config", merchant.ApiKey);
        var faq = (await stored.JsonAsync()).GetProperty("faq").EnumerateArray().ToList();
        Assert.Equal("Returns?", Assert.Single(faq).GetProperty("question").GetString());
    }

    [Fact]
    public async Task OrderNoticesAreSetThroughTheApiARefusedTemplateIsShownNextToItsFieldAndTheSectionReadsRightToLeftInArabic()
    {
        var shop = await ConsoleShop.CreateAsync(Fixture, wabaId: ConsoleShop.DemoWabaId);
        using var api = Fixture.CreateApiClient();
        var page = await SignedInPageAsync(Fixture, shop.Merchant, width: 1280);
        await page.GotoAsync(Fixture.Web("/assistant"));
        await WaitForInteractiveAsync(page);
        var notices = page.Locator("[data-testid=order-notices]");

        // The Graph fake's WABA has welcome_back as a MARKETING template: the API refuses it for an order notice.
        await notices.Locator("input[data-testid=confirmed-name]").FillAsync("welcome_back");
        await notices.Locator("input[data-testid=confirmed-language]").FillAsync("ar");
        await notices.Locator("button[data-testid=order-notices-save]").ClickAsync();
        var refused = notices.Locator(".field-problem[data-field='confirmed.name']");
        await refused.WaitForAsync();
        Assert.Contains("UTILITY", await refused.InnerTextAsync());

        await notices.Locator("input[data-testid=confirmed-name]").FillAsync("order_update");
        await notices.Locator("input[data-testid=fulfilled-name]").FillAsync("order_update");
        await notices.Locator("input[data-testid=fulfilled-language]").FillAsync("en");
        await notices.Locator("button[data-testid=order-notices-save]").ClickAsync();
        await notices.Locator("[data-testid=order-notices-saved]").WaitForAsync();
        Assert.Equal(0, await notices.Locator(".field-problem").CountAsync());
        using (var stored = await SendAsync(api, HttpMethod.Get, "/api/merchant/order-templates", shop.Merchant.ApiKey))
        {
            var templates = await stored.JsonAsync();
            Assert.Equal(("order_update", "ar", 2), Template(templates.GetProperty("confirmed")));
            Assert.Equal(("order_update", "en", 2), Template(templates.GetProperty("fulfilled")));
        }

        // In Arabic the section reads right to left, shows what is set, and an emptied event sends nothing.
        await OpenInArabicAsync(page, Fixture, "/assistant");
        await WaitForInteractiveAsync(page);
        Assert.Equal("إشعارات الطلبات", await notices.Locator("h2").InnerTextAsync());
        await WaitForRightToLeftAsync(page, "[data-testid=order-notices]");
        Assert.Equal("order_update", await notices.Locator("input[data-testid=confirmed-name]").InputValueAsync());
        Assert.Equal("en", await notices.Locator("input[data-testid=fulfilled-language]").InputValueAsync());
        await notices.Locator("input[data-testid=fulfilled-name]").FillAsync("");
        await notices.Locator("input[data-testid=fulfilled-language]").FillAsync("");
        await notices.Locator("button[data-testid=order-notices-save]").ClickAsync();
        await notices.Locator("[data-testid=order-notices-saved]").WaitForAsync();
        using var cleared = await SendAsync(api, HttpMethod.Get, "/api/merchant/order-templates", shop.Merchant.ApiKey);
        var after = await cleared.JsonAsync();
        Assert.Equal(("order_update", "ar", 2), Template(after.GetProperty("confirmed")));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, after.GetProperty("fulfilled").ValueKind);
    }

    private static (string?, string?, int) Template(System.Text.Json.JsonElement template) =>
        (template.GetProperty("name").GetString(), template.GetProperty("language").GetString(), template.GetProperty("parameterCount").GetInt32());
}
