using static AiSales.Tests.MerchantConsole.ConsoleBrowser;
using static AiSales.Tests.MerchantConsole.ConsoleTestData;

namespace AiSales.Tests.MerchantConsole;

/// <summary>The assistant settings page in a real Chromium: saved through the API, the API's field problems shown.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleAssistantPageTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task SettingsTheInteractiveRepliesSwitchAndThePhotoChoiceAreSavedThroughTheApiAndABlankNameIsRefusedNextToTheField()
    {
        using var api = fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        var page = await SignedInPageAsync(fixture, merchant);
        await page.GotoAsync(fixture.Web("/assistant"));
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
        using var api = fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        var page = await SignedInPageAsync(fixture, merchant, width: 1280);
        await page.GotoAsync(fixture.Web("/assistant"));
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
}
