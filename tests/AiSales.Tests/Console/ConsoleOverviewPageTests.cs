using System.Net;
using AiSales.Tests.MerchantApi;
using static AiSales.Tests.MerchantConsole.ConsoleBrowser;
using static AiSales.Tests.MerchantConsole.ConsoleTestData;

namespace AiSales.Tests.MerchantConsole;

/// <summary>The overview page in a real Chromium: the API's stats for 7 and 30 days, and a chart.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleOverviewPageTests(ConsoleFixture fixture) : ConsolePageTest(fixture)
{
    [Fact]
    public async Task TheOverviewShowsTheShopsConversationsOrdersAndConversion()
    {
        using var api = Fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        await using var db = Fixture.Platform.CreateDataSource();
        var conversation = await MerchantApiTestData.SeedConversationAsync(db, merchant.Id, "whatsapp", TimeSpan.FromMinutes(5));
        await MerchantApiTestData.SeedConversationAsync(db, merchant.Id, "instagram", TimeSpan.FromMinutes(3));
        var orderId = await MerchantApiTestData.SeedOrderAsync(db, merchant.Id, conversation.Id);
        using (var confirmed = await SendAsync(api, HttpMethod.Patch, $"/api/orders/{orderId}", merchant.ApiKey, new { status = "confirmed" }))
        {
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        }

        var page = await SignedInPageAsync(Fixture, merchant, width: 1280);

        var week = page.Locator(".figures[data-days='7']");
        await week.WaitForAsync();
        Assert.Equal("2", await week.Locator("[data-figure=conversations]").InnerTextAsync());
        Assert.Equal("1", await week.Locator("[data-figure=orders]").InnerTextAsync());
        Assert.Equal("50%", await week.Locator("[data-figure=conversion]").InnerTextAsync());
        Assert.Contains("25.25 SAR", await week.Locator("[data-figure=revenue]").InnerTextAsync());
        Assert.Equal("2", await page.Locator(".figures[data-days='30'] [data-figure=conversations]").InnerTextAsync());
        await page.Locator(".chart svg").First.WaitForAsync();
        await ScreenshotAsync(page, "console-overview-1280");
    }
}
