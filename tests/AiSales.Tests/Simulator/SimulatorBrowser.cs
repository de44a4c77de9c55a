using System.Text.Json;
using Microsoft.Playwright;

namespace AiSales.Tests.Simulator;

/// <summary>
/// The simulator's chat page in a real headless Chromium (Debian's, never a downloaded one), shared by the browser tests:
/// waits until the demo shop is ready, opens a chat as a new customer, and writes in it like a person.
/// </summary>
public sealed class SimulatorBrowser : IAsyncDisposable
{
    public static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(60);

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private SimulatorBrowser(IPlaywright playwright, IBrowser browser, Uri simulator)
    {
        _playwright = playwright;
        _browser = browser;
        Simulator = simulator;
    }

    public Uri Simulator { get; }

    public static async Task<SimulatorBrowser> StartAsync(AppHostFixture fixture)
    {
        // As long as the platform may take to start (AISALES_TEST_START_TIMEOUT): the demo shop is seeded after the AppHost starts.
        using var timeout = new CancellationTokenSource(AppHostFixture.StartTimeout);
        await fixture.App.ResourceNotifications.WaitForResourceHealthyAsync("meta-simulator", timeout.Token);
        using var client = fixture.CreateHttpClient("meta-simulator");
        while (true)
        {
            using var state = JsonDocument.Parse(await client.GetStringAsync("/simulator/state", timeout.Token));
            if (state.RootElement.GetProperty("status").GetString() == "ready")
            {
                break;
            }

            await Task.Delay(250, timeout.Token);
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return new SimulatorBrowser(playwright, browser, client.BaseAddress!);
    }

    /// <summary>A chat with the demo shop, or with the registered account <paramref name="account"/>; a fresh context is a new customer.</summary>
    public async Task<IPage> OpenChatAsync(string platform, string? account = null)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 480, Height = 820 } });
        var page = await context.NewPageAsync();
        var query = account is null ? "" : $"&account={account}";
        await page.GotoAsync(new Uri(Simulator, $"/chat.html?platform={platform}{query}").ToString());
        await page.Locator("#shop-name").GetByText("Demo Shop").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        return page;
    }

    public static async Task SendAsync(IPage page, string text)
    {
        await page.Locator("#text").FillAsync(text);
        await page.Locator("#send").ClickAsync();
        await page.Locator(".bubble.customer").GetByText(text).WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
    }

    /// <summary>The shop's <paramref name="index"/>th bubble (0 = first), once it is there.</summary>
    public static async Task<ILocator> ShopBubbleAsync(IPage page, int index)
    {
        var bubble = page.Locator(".bubble.shop:not(.typing)").Nth(index);
        await bubble.WaitForAsync(new LocatorWaitForOptions { Timeout = (float)ReplyTimeout.TotalMilliseconds });
        return bubble;
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(ServiceProcess.RepositoryRoot(), "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
