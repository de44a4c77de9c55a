using Microsoft.Playwright;
using static AiSales.Tests.MerchantConsole.ConsoleBrowser;
using static AiSales.Tests.MerchantConsole.ConsoleTestData;

namespace AiSales.Tests.MerchantConsole;

/// <summary>The catalogue page in a real Chromium: CSV import with a bad row shown with its reason, and Arabic-aware search.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleCataloguePageTests(ConsoleFixture fixture) : ConsolePageTest(fixture)
{
    private const string Csv = """
        sku,name,description,price,currency,stock
        ABAYA-1,عباية سوداء,Black abaya,250,SAR,5
        BAD-1,Broken row,,not-a-price,SAR,1
        BAG-1,حقيبة جلد,Leather bag,120.5,SAR,3
        """;

    [Fact]
    public async Task ACsvWithOneBadRowImportsTheRestAndShowsTheRejectedRowWithItsReason()
    {
        using var api = Fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        var page = await SignedInPageAsync(Fixture, merchant);
        await page.GotoAsync(Fixture.Web("/catalogue"));
        await WaitForInteractiveAsync(page);
        await page.Locator(".empty").WaitForAsync();

        await ChooseCsvAsync(page, Csv);
        await page.Locator("[data-testid=csv-preview]").WaitForAsync();
        Assert.Contains("BAD-1", await page.Locator("[data-testid=csv-preview]").InnerTextAsync());
        await page.Locator("[data-testid=import]").ClickAsync();

        var report = page.Locator("[data-testid=import-report]");
        await report.WaitForAsync();
        Assert.Equal("2", await report.Locator("[data-count=created]").InnerTextAsync());
        Assert.Equal("1", await report.Locator("[data-count=rejected]").InnerTextAsync());
        var rejected = page.Locator("[data-testid=rejections] tbody tr");
        Assert.Equal(1, await rejected.CountAsync());
        var rejectedText = await rejected.InnerTextAsync();
        Assert.Contains("BAD-1", rejectedText);
        Assert.Contains("price", rejectedText, StringComparison.OrdinalIgnoreCase);
        await page.Locator(".products tr[data-sku='ABAYA-1']").WaitForAsync();
        await page.Locator(".products tr[data-sku='BAG-1']").WaitForAsync();
        Assert.Equal(0, await page.Locator(".products tr[data-sku='BAD-1']").CountAsync());
        await ScreenshotAsync(page, "console-catalogue-import-390");

        // The API's search tolerates spelling variants: taa marbuta written as haa.
        await page.Locator("input[data-testid=product-search]").FillAsync("عبايه");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.products tbody tr').length === 1");
        Assert.Equal(1, await page.Locator(".products tr[data-sku='ABAYA-1']").CountAsync());
    }

    [Fact]
    public async Task AHundredAndThirtyProductsAreAllReachableAndAnEditFarDownKeepsThemShown()
    {
        using var api = Fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        using (var import = new HttpRequestMessage(HttpMethod.Post, "/api/products/import"))
        {
            import.Headers.Authorization = new("Bearer", merchant.ApiKey);
            import.Content = System.Net.Http.Json.JsonContent.Create(Enumerable.Range(1, 130).Select(i => new
            {
                sku = $"P-{i:000}", name = $"Product {i:000}", description = "", price = 10 + i, currency = "SAR", stock = 5,
            }));
            using var imported = await api.SendAsync(import);
            imported.EnsureSuccessStatusCode();
        }

        var page = await SignedInPageAsync(Fixture, merchant, width: 1280);
        await page.GotoAsync(Fixture.Web("/catalogue"));
        await WaitForInteractiveAsync(page);
        var rows = page.Locator(".products tbody tr");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.products tbody tr').length === 100");

        await page.Locator("[data-testid=more-products]").ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.products tbody tr').length === 130");
        Assert.Equal(0, await page.Locator("[data-testid=more-products]").CountAsync());

        var last = rows.Last;
        var sku = await last.GetAttributeAsync("data-sku");
        await last.Locator("[data-testid=deactivate]").ClickAsync();
        await page.Locator($".products tr[data-sku='{sku}'][data-active=false]").WaitForAsync();
        Assert.Equal(130, await rows.CountAsync());
    }
}
