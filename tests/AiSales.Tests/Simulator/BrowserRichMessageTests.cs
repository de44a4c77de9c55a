using Microsoft.Playwright;

namespace AiSales.Tests.Simulator;

/// <summary>
/// Issue 14 in a real headless Chromium against the whole platform: the simulator's chat page draws WhatsApp product
/// messages as product cards (one product, and a product list), a tap on a card sends the cart the agent answers, and a
/// customer's photo is shown from the simulator's Graph fake (the same bytes the API fetches) and answered. Buttons and
/// list rows: <see cref="BrowserCommerceTests"/>.
/// </summary>
[Collection(AppHostCollection.Name)]
public sealed class BrowserRichMessageTests(AppHostFixture fixture) : IAsyncLifetime
{
    private SimulatorBrowser? _browser;

    public async Task InitializeAsync() => _browser = await SimulatorBrowser.StartAsync(fixture);

    [Fact]
    public async Task ProductMessagesAreCardsForAListAndForOneProductAndATapOnACardSendsTheCart()
    {
        var shop = await SimulatedShop.CreateAsync(fixture, "whatsapp", "Cards shop", catalogId: "1500900600300700");
        await shop.AddProductAsync("Women's Gold Watch", 650m, "WAT-GLD-01");
        await shop.AddProductAsync("Men's Silver Watch", 580m, "WAT-SLV-01");
        await shop.AddProductAsync("Black Sunglasses", 230m, "ACC-SUN-01");
        var page = await _browser!.OpenChatAsync("whatsapp", shop.AccountId);

        await SimulatorBrowser.SendAsync(page, "I want to order a watch");
        var list = (await SimulatorBrowser.ShopBubbleAsync(page, 0)).Locator(".choices.order.product_list .choice.product");
        await list.First.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        await SimulatorBrowser.SendAsync(page, "Do you have sunglasses?");
        var single = (await SimulatorBrowser.ShopBubbleAsync(page, 1)).Locator(".choices.order.single .choice.product");
        await single.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });

        Assert.Equal(2, await list.CountAsync());
        var cards = await list.AllInnerTextsAsync();
        Assert.Contains(cards, c => c.Contains("Women's Gold Watch") && c.Contains("650 SAR") && c.Contains("WAT-GLD-01"));
        Assert.Contains(cards, c => c.Contains("Men's Silver Watch") && c.Contains("580 SAR"));
        Assert.Contains("Black Sunglasses", await single.Locator(".name").InnerTextAsync());
        Assert.Equal("230 SAR", await single.Locator(".price").InnerTextAsync());
        await SimulatorBrowser.ScreenshotAsync(page, "whatsapp-product-cards");

        await single.ClickAsync();
        await page.Locator(".bubble.customer").GetByText("ACC-SUN-01").WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        var answer = await SimulatorBrowser.ShopBubbleAsync(page, 2);
        Assert.Contains("Black Sunglasses", await answer.Locator(".text").InnerTextAsync());
    }

    [Fact]
    public async Task ACustomersPhotoIsShownFromTheGraphFakeAndAnswered()
    {
        var page = await _browser!.OpenChatAsync("whatsapp");

        await page.Locator("#send-image").ClickAsync();
        var photo = page.Locator(".bubble.customer img.photo");
        await photo.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('.bubble.customer img.photo'); return i && i.complete && i.naturalWidth > 0; }",
            null, new PageWaitForFunctionOptions { Timeout = 15_000 });
        var reply = await SimulatorBrowser.ShopBubbleAsync(page, 0);

        Assert.StartsWith("/chat-media/", await photo.GetAttributeAsync("src"));
        Assert.False(string.IsNullOrWhiteSpace(await reply.Locator(".text").InnerTextAsync()));
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
    }
}
