using System.Text.RegularExpressions;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Playwright;

namespace AiSales.Tests.Simulator;

/// <summary>
/// The README's promise, in a real headless Chromium: open the simulator, write to the demo shop on
/// WhatsApp and Instagram, and see the agent answer with catalogue products and prices, with read ticks.
/// </summary>
// Shares the foundation collection's platform: one AppHost fewer on a two-core machine.
[Collection(AppHostCollection.Name)]
public sealed partial class BrowserDemoTests(AppHostFixture fixture) : IAsyncLifetime
{
    private static readonly TimeSpan s_replyTimeout = SimulatorBrowser.ReplyTimeout;
    private SimulatorBrowser? _browser;

    public async Task InitializeAsync() => _browser = await SimulatorBrowser.StartAsync(fixture);

    [Fact]
    public async Task ArabicWhatsAppQuestionIsAnsweredWithCatalogueProductsPricesAndReadTicks()
    {
        var page = await OpenChatAsync("whatsapp");

        await SendAsync(page, "السلام عليكم، عندكم عبايات سوداء؟");

        var customerBubble = page.Locator(".bubble.customer").Last;
        Assert.Equal("rtl", await customerBubble.EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        var reply = page.Locator(".bubble.shop").First;
        await reply.WaitForAsync(new LocatorWaitForOptions { Timeout = (float)s_replyTimeout.TotalMilliseconds });
        var text = await reply.Locator(".text").InnerTextAsync();
        Assert.Contains("عباية", text);
        Assert.Matches(PricePattern(), text);
        await page.Locator(".bubble.shop[data-status='read']").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        await ScreenshotAsync(page, "whatsapp-arabic");
    }

    [Fact]
    public async Task EnglishInstagramQuestionIsAnsweredWithCatalogueProductsPricesAndReadTicks()
    {
        var page = await OpenChatAsync("instagram");

        await SendAsync(page, "Do you have running shoes?");

        var reply = page.Locator(".bubble.shop").First;
        await reply.WaitForAsync(new LocatorWaitForOptions { Timeout = (float)s_replyTimeout.TotalMilliseconds });
        var text = await reply.Locator(".text").InnerTextAsync();
        Assert.Contains("Running Shoes", text);
        Assert.Matches(PricePattern(), text);
        await page.Locator(".bubble.shop[data-status='read']").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        await ScreenshotAsync(page, "instagram-english");
    }

    private Task<IPage> OpenChatAsync(string platform) => _browser!.OpenChatAsync(platform);

    private static Task SendAsync(IPage page, string text) => SimulatorBrowser.SendAsync(page, text);

    private static Task ScreenshotAsync(IPage page, string name) => SimulatorBrowser.ScreenshotAsync(page, name);

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
    }

    // A price as the agent writes it: digits (Latin or Arabic-Indic) next to a currency.
    [GeneratedRegex(@"([0-9٠-٩][0-9٠-٩.,]*\s*(SAR|ر\.?س|ريال))|((SAR|ريال)\s*[0-9٠-٩])")]
    private static partial Regex PricePattern();
}
