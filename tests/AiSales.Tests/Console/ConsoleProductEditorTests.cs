using System.Text.Json;
using static AiSales.Tests.MerchantConsole.ConsoleBrowser;
using static AiSales.Tests.MerchantConsole.ConsoleTestData;

namespace AiSales.Tests.MerchantConsole;

/// <summary>The catalogue's product editor in a real Chromium: add (the API's field problem shown first), edit the stock, deactivate.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleProductEditorTests(ConsoleFixture fixture) : ConsolePageTest(fixture)
{
    [Fact]
    public async Task AProductIsAddedThenItsStockEditedThenDeactivated()
    {
        using var api = Fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        var page = await SignedInPageAsync(Fixture, merchant, width: 1280);
        await page.GotoAsync(Fixture.Web("/catalogue"));
        await WaitForInteractiveAsync(page);

        await page.Locator("[data-testid=new-product]").ClickAsync();
        await page.Locator("input[data-testid=product-sku]").FillAsync("DRESS-1");
        await page.Locator("input[data-testid=product-name]").FillAsync("فستان سهرة");
        await page.Locator("input[data-testid=product-price]").FillAsync("");
        await page.Locator("button[data-testid=product-save]").ClickAsync();
        await page.Locator(".field-problem[data-field=price]").WaitForAsync();

        await page.Locator("input[data-testid=product-price]").FillAsync("399.5");
        await page.Locator("input[data-testid=product-stock]").FillAsync("4");
        await page.Locator("button[data-testid=product-save]").ClickAsync();
        var row = page.Locator(".products tr[data-sku='DRESS-1']");
        await row.WaitForAsync();
        Assert.Equal("4", await row.Locator("[data-testid=stock]").InnerTextAsync());

        await row.Locator("[data-testid=edit]").ClickAsync();
        await page.Locator("input[data-testid=product-stock]").FillAsync("9");
        await page.Locator("button[data-testid=product-save]").ClickAsync();
        await page.Locator(".products tr[data-sku='DRESS-1'] [data-testid=stock]:text-is('9')").WaitForAsync();

        await row.Locator("[data-testid=deactivate]").ClickAsync();
        await page.Locator(".products tr[data-sku='DRESS-1'][data-active=false]").WaitForAsync();
        await ScreenshotAsync(page, "console-catalogue-editor-1280");

        using var listed = await SendAsync(api, HttpMethod.Get, "/api/products", merchant.ApiKey);
        var product = (await listed.JsonAsync()).GetProperty("items").EnumerateArray().Single();
        Assert.Equal("فستان سهرة", product.GetProperty("name").GetString());
        Assert.Equal(399.5m, product.GetProperty("price").GetDecimal());
        Assert.Equal(9, product.GetProperty("stock").GetInt32());
        Assert.False(product.GetProperty("active").GetBoolean());
        using var offered = await SendAsync(api, HttpMethod.Get, "/api/products?activeOnly=true", merchant.ApiKey);
        Assert.Equal(0, (await offered.JsonAsync()).GetProperty("items").GetArrayLength());
    }
}
