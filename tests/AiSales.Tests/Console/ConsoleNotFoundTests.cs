using AiSales.Tests.MerchantApi;
using Microsoft.Playwright;
using static AiSales.Tests.MerchantConsole.ConsoleBrowser;
using static AiSales.Tests.MerchantConsole.ConsoleTestData;

namespace AiSales.Tests.MerchantConsole;

/// <summary>
/// A page for another shop's record, or for none, answers 404 with the console's not-found page (the API's 404 becomes
/// the page's, NavigationManager.NotFound), in the live console too; the shop's own records still open.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleNotFoundTests(ConsoleFixture fixture) : ConsolePageTest(fixture)
{
    [Fact]
    public async Task AnotherShopsOrUnknownConversationOrderOrProductIsA404WithTheNotFoundPage()
    {
        using var api = Fixture.CreateApiClient();
        var other = await CreateMerchantAsync(api);
        await using var db = Fixture.Platform.CreateDataSource();
        var theirConversation = await MerchantApiTestData.SeedConversationAsync(db, other.Id, "whatsapp", TimeSpan.FromMinutes(5));
        var theirOrder = await MerchantApiTestData.SeedOrderAsync(db, other.Id, theirConversation.Id);
        Guid theirProduct;
        using (var created = await SendAsync(api, HttpMethod.Post, "/api/products", other.ApiKey,
            new { sku = "BAG-1", name = "Bag", description = "", price = 10, currency = "SAR", stock = 1 }))
        {
            theirProduct = (await created.JsonAsync()).GetProperty("id").GetGuid();
        }

        var merchant = await CreateMerchantAsync(api);
        var ownOrder = await MerchantApiTestData.SeedOrderAsync(db, merchant.Id, null);
        var page = await SignedInPageAsync(Fixture, merchant, width: 1280);

        string[] paths =
        [
            $"/inbox/{theirConversation.Id}", $"/orders/{theirOrder}", $"/catalogue/{theirProduct}",
            $"/inbox/{Guid.NewGuid()}", $"/orders/{Guid.NewGuid()}", "/no-such-page",
        ];
        await page.AddInitScriptAsync(HeadingsSeenScript);
        foreach (var path in paths)
        {
            var response = await page.GotoAsync(Fixture.Web(path));

            Assert.True(response!.Status == 404, $"{path}: {response.Status}");
            Assert.Equal(path, Path(page));
            // Settled: live (a page whose lookup answered 404 turns live) or static (an address with no page: the
            // catalogue has none per product).
            await page.Locator(".page[data-interactive=true], .page[data-interactive=static]").WaitForAsync();

            // Every heading the page showed, from the first byte through the live console's first render: never the page
            // the address names (the inbox's list) before the not-found page.
            Assert.Equal(["Page not found"], await page.EvaluateAsync<string[]>("() => window.headingsSeen"));
            Assert.Equal(0, await page.Locator("[data-testid=order-total], [data-testid=messages], .problem").CountAsync());
        }

        // Once live, it is still the not-found page, and its language switch returns to the same address.
        await page.GotoAsync(Fixture.Web($"/inbox/{theirConversation.Id}"));
        await ChooseLanguageAsync(page, "ar");
        Assert.Equal($"/inbox/{theirConversation.Id}", Path(page));
        Assert.Equal("الصفحة غير موجودة", (await page.Locator("h1").InnerTextAsync()).Trim());
        await ChooseLanguageAsync(page, "en");

        var own = await page.GotoAsync(Fixture.Web($"/orders/{ownOrder}"));
        Assert.Equal(200, own!.Status);
        await page.Locator("[data-testid=order-total]").WaitForAsync();

        // In the live console (an address followed without a page load), another shop's order is the same page, whose
        // language switch still works.
        await WaitForInteractiveAsync(page);
        await page.EvaluateAsync($"() => Blazor.navigateTo('/orders/{theirOrder}')");
        await page.Locator("h1", new() { HasText = "Page not found" }).WaitForAsync();
        Assert.Equal(0, await page.Locator("[data-testid=order-total]").CountAsync());
        await ChooseLanguageAsync(page, "ar");
        Assert.Equal($"/orders/{theirOrder}", Path(page));
        Assert.Equal("الصفحة غير موجودة", (await page.Locator("h1").InnerTextAsync()).Trim());
    }

    // Records each h1 text the document shows, in order, as the page is parsed and as Blazor redraws it.
    private const string HeadingsSeenScript = """
        window.headingsSeen = [];
        new MutationObserver(() => {
            for (const h of document.querySelectorAll('h1')) {
                const text = h.textContent.trim();
                if (text && window.headingsSeen.at(-1) !== text) window.headingsSeen.push(text);
            }
        }).observe(document, { childList: true, subtree: true, characterData: true });
        """;
}
