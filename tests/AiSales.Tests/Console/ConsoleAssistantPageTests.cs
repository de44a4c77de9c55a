using static AiSales.Tests.MerchantConsole.ConsoleBrowser;
using static AiSales.Tests.MerchantConsole.ConsoleTestData;

namespace AiSales.Tests.MerchantConsole;

/// <summary>The assistant settings page in a real Chromium: saved through the API, the API's field problems shown.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleAssistantPageTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task SettingsAreSavedThroughTheApiAndABlankNameIsRefusedNextToTheField()
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
        await page.Locator("button[data-testid=save]").ClickAsync();
        await page.Locator("[data-testid=saved]").WaitForAsync();

        using var stored = await SendAsync(api, HttpMethod.Get, "/api/merchant/ai-config", merchant.ApiKey);
        var config = await stored.JsonAsync();
        Assert.Equal("نورة", config.GetProperty("assistantName").GetString());
        Assert.Equal(new[] { "موظف", "human", "manager" }, config.GetProperty("handoffKeywords").EnumerateArray().Select(k => k.GetString()!).ToArray());
        await page.ReloadAsync();
        await WaitForInteractiveAsync(page);
        Assert.Equal("نورة", await page.Locator("input[data-testid=assistant-name]").InputValueAsync());
    }
}
