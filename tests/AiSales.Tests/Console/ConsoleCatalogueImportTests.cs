using Microsoft.Playwright;
using static AiSales.Tests.MerchantConsole.ConsoleBrowser;
using static AiSales.Tests.MerchantConsole.ConsoleTestData;

namespace AiSales.Tests.MerchantConsole;

/// <summary>
/// The CSV import in a real Chromium, on an Arabic page: before importing, what the file would create and change
/// (values before and after) with nothing written yet; after importing, the same, written.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleCatalogueImportTests(ConsoleFixture fixture) : ConsolePageTest(fixture)
{
    private const string Csv = """
        sku,name,description,price,currency,stock
        BAG-1,حقيبة جلد,Leather bag,120,SAR,5
        ABAYA-1,عباية سوداء,,250,SAR,2
        KEEP-1,Scarf,,30,SAR,4
        """;

    [Fact]
    public async Task TheFileIsShownAsChangesBeforeAndAfterFirstAndWrittenOnlyOnImport()
    {
        using var api = Fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        await CreateProductAsync(api, merchant, new { sku = "BAG-1", name = "حقيبة جلد", description = "Leather bag", price = 100, currency = "SAR", stock = 5 });
        await CreateProductAsync(api, merchant, new { sku = "KEEP-1", name = "Scarf", description = "", price = 30, currency = "SAR", stock = 4 });
        var page = await SignedInPageAsync(Fixture, merchant);
        await OpenInArabicAsync(page, Fixture, "/catalogue");
        await WaitForInteractiveAsync(page);
        await page.Locator(".products tr[data-sku='BAG-1']").WaitForAsync();

        await ChooseCsvAsync(page, Csv);

        var preview = page.Locator("[data-testid=import-preview]");
        await preview.WaitForAsync();
        Assert.Contains("قبل الاستيراد", await preview.InnerTextAsync());
        await AssertChangesAsync(preview);
        Assert.Contains("100", await page.Locator(".products tr[data-sku='BAG-1']").InnerTextAsync());
        Assert.Equal(0, await page.Locator(".products tr[data-sku='ABAYA-1']").CountAsync());

        await page.Locator("[data-testid=import]").ClickAsync();

        var report = page.Locator("[data-testid=import-report]");
        await report.WaitForAsync();
        Assert.Equal(0, await preview.CountAsync());
        await AssertChangesAsync(report);
        await page.Locator(".products tr[data-sku='ABAYA-1']").WaitForAsync();
        // On the Arabic page too, the amount reads as everywhere in the console (Localization/Money.cs), not «120٫00».
        Assert.Equal("120.00 SAR", (await page.Locator(".products tr[data-sku='BAG-1'] [data-testid=price]").InnerTextAsync()).Trim());
        await ScreenshotAsync(page, "console-catalogue-import-changes-390");
    }

    private static async Task AssertChangesAsync(ILocator report)
    {
        Assert.Equal("1", await report.Locator("[data-count=created]").InnerTextAsync());
        Assert.Equal("2", await report.Locator("[data-count=updated]").InnerTextAsync());
        Assert.Equal("1", await report.Locator("[data-count=unchanged]").InnerTextAsync());
        var bag = report.Locator("[data-testid=changes] tr[data-sku='BAG-1'][data-action=updated]");
        Assert.Equal(["price"], await bag.Locator("[data-field]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.field)"));
        Assert.Equal("100.00 SAR", await bag.Locator("[data-field=price] del").InnerTextAsync());
        Assert.Equal("120.00 SAR", await bag.Locator("[data-field=price] ins").InnerTextAsync());
        var abaya = report.Locator("[data-testid=changes] tr[data-sku='ABAYA-1'][data-action=created]");
        Assert.Contains("عباية سوداء", await abaya.InnerTextAsync());
        Assert.Contains("250.00 SAR", await abaya.InnerTextAsync());
        Assert.Equal(0, await report.Locator("[data-testid=changes] tr[data-sku='KEEP-1']").CountAsync());
    }

    private static async Task CreateProductAsync(HttpClient api, ConsoleMerchant merchant, object product)
    {
        using var response = await SendAsync(api, HttpMethod.Post, "/api/products", merchant.ApiKey, product);
        response.EnsureSuccessStatusCode();
    }
}
