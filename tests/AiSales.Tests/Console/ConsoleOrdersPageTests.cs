using System.Net;
using AiSales.Tests.MerchantApi;
using static AiSales.Tests.MerchantConsole.ConsoleBrowser;
using static AiSales.Tests.MerchantConsole.ConsoleTestData;

namespace AiSales.Tests.MerchantConsole;

/// <summary>The orders page in a real Chromium: list by status, one order, and its status changes through the API.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleOrdersPageTests(ConsoleFixture fixture) : ConsolePageTest(fixture)
{
    [Fact]
    public async Task AnOrderIsConfirmedThenFulfilledFromItsPage()
    {
        using var api = Fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        await using var db = Fixture.Platform.CreateDataSource();
        var orderId = await MerchantApiTestData.SeedOrderAsync(db, merchant.Id, null);
        var page = await SignedInPageAsync(Fixture, merchant);

        await page.GotoAsync(Fixture.Web("/orders"));
        // The list is prerendered: a click before the page is interactive would be lost.
        await WaitForInteractiveAsync(page);
        await page.Locator($".order-item[data-order-id='{orderId}'] .order-status[data-status=draft]").WaitForAsync();
        await page.Locator(".status-tabs button[data-status=confirmed]").ClickAsync();
        await page.Locator(".empty").WaitForAsync();
        await page.Locator(".status-tabs button[data-status=all]").ClickAsync();
        await page.Locator($".order-item[data-order-id='{orderId}']").ClickAsync();
        Assert.Contains("25.25", await page.Locator("[data-testid=order-total]").InnerTextAsync());

        await page.Locator("button[data-action=confirmed]").ClickAsync();
        await page.Locator("[data-testid=order-status][data-status=confirmed]").WaitForAsync();
        await page.Locator("button[data-action=fulfilled]").ClickAsync();
        await page.Locator("[data-testid=order-status][data-status=fulfilled]").WaitForAsync();
        Assert.Equal(0, await page.Locator(".order-actions button").CountAsync());
        await ScreenshotAsync(page, "console-order-390");

        using var stored = await SendAsync(api, HttpMethod.Get, $"/api/orders/{orderId}", merchant.ApiKey);
        Assert.Equal("fulfilled", (await stored.JsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task ExportCsvDownloadsTheShopsOrdersThroughTheConsole()
    {
        using var api = Fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        await using var db = Fixture.Platform.CreateDataSource();
        var orderId = await MerchantApiTestData.SeedOrderAsync(db, merchant.Id, null, "confirmed");
        var page = await SignedInPageAsync(Fixture, merchant);
        await page.GotoAsync(Fixture.Web("/orders"));
        await WaitForInteractiveAsync(page);
        await page.Locator(".status-tabs button[data-status=confirmed]").ClickAsync();
        await page.Locator($".order-item[data-order-id='{orderId}']").WaitForAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=export-csv]").ClickAsync());
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path);

        Assert.EndsWith(".csv", download.SuggestedFilename);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var csv = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("order_number,order_id,status", csv);
        Assert.Contains(orderId.ToString(), csv);
        Assert.Contains("حقيبة جلد", csv);
        Assert.DoesNotContain(merchant.ApiKey, csv);
    }

    [Fact]
    public async Task AnotherMerchantsOrderIsNotFoundInTheConsole()
    {
        using var api = Fixture.CreateApiClient();
        var victim = await CreateMerchantAsync(api);
        await using var db = Fixture.Platform.CreateDataSource();
        var orderId = await MerchantApiTestData.SeedOrderAsync(db, victim.Id, null);
        var intruder = await CreateMerchantAsync(api);
        var page = await SignedInPageAsync(Fixture, intruder);

        var response = await page.GotoAsync(Fixture.Web($"/orders/{orderId}"));

        Assert.Equal(404, response!.Status);
        await page.Locator("h1", new() { HasText = "Page not found" }).WaitForAsync();
        Assert.Equal(0, await page.Locator(".order-actions button").CountAsync());
        Assert.DoesNotContain("Riyadh", await page.ContentAsync());
        using var untouched = await SendAsync(api, HttpMethod.Get, $"/api/orders/{orderId}", victim.ApiKey);
        Assert.Equal(HttpStatusCode.OK, untouched.StatusCode);
        Assert.Equal("draft", (await untouched.JsonAsync()).GetProperty("status").GetString());
    }
}
