using System.Text.Json;
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
    private static readonly TimeSpan s_replyTimeout = TimeSpan.FromSeconds(60);
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private Uri _simulator = null!;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await fixture.App.ResourceNotifications.WaitForResourceHealthyAsync("meta-simulator", timeout.Token);
        using var client = fixture.CreateHttpClient("meta-simulator");
        _simulator = client.BaseAddress!;
        while (true)
        {
            using var state = JsonDocument.Parse(await client.GetStringAsync("/simulator/state", timeout.Token));
            if (state.RootElement.GetProperty("status").GetString() == "ready")
            {
                break;
            }

            await Task.Delay(250, timeout.Token);
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

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

    private async Task<IPage> OpenChatAsync(string platform)
    {
        // A fresh context is a new customer (the page keeps its customer id in localStorage).
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 480, Height = 820 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(_simulator, $"/chat.html?platform={platform}").ToString());
        await page.Locator("#shop-name").GetByText("Demo Shop").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        return page;
    }

    private static async Task SendAsync(IPage page, string text)
    {
        await page.Locator("#text").FillAsync(text);
        await page.Locator("#send").ClickAsync();
        await page.Locator(".bubble.customer").GetByText(text).WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(ServiceProcess.RepositoryRoot(), "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    // A price as the agent writes it: digits (Latin or Arabic-Indic) next to a currency.
    [GeneratedRegex(@"([0-9٠-٩][0-9٠-٩.,]*\s*(SAR|ر\.?س|ريال))|((SAR|ريال)\s*[0-9٠-٩])")]
    private static partial Regex PricePattern();
}
