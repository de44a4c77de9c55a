using System.Text.Json;
using Microsoft.Playwright;

namespace AiSales.Tests.Simulator;

/// <summary>
/// The simulator's commerce side in a real headless Chromium against the whole platform: the shop's list of choices
/// and its buttons are rendered under its bubble, a tap answers (the agent reads it), and a cart from the demo
/// catalogue becomes the draft order.
/// </summary>
[Collection(AppHostCollection.Name)]
public sealed class BrowserCommerceTests(AppHostFixture fixture) : IAsyncLifetime
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
    public async Task AListOfChoicesIsRenderedAndATapOnARowAnswers()
    {
        var page = await OpenChatAsync("whatsapp");

        await SendAsync(page, "ابغى عطر");
        var rows = page.Locator(".bubble.shop .choices.list_reply .choice");
        await rows.First.WaitForAsync(new LocatorWaitForOptions { Timeout = (float)s_replyTimeout.TotalMilliseconds });
        Assert.True(await rows.CountAsync() >= 2);
        var second = await rows.Nth(1).InnerTextAsync();
        await rows.Nth(1).ClickAsync();

        await page.Locator(".bubble.customer").GetByText(second).WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        var reply = page.Locator(".bubble.shop").Nth(1);
        await reply.WaitForAsync(new LocatorWaitForOptions { Timeout = (float)s_replyTimeout.TotalMilliseconds });
        var product = second[(second.IndexOf(". ", StringComparison.Ordinal) + 2)..].TrimEnd('…').Trim();
        Assert.Contains(product, await reply.Locator(".text").InnerTextAsync());
        await page.Locator(".bubble.customer[data-status='read']").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
    }

    [Fact]
    public async Task ACartBecomesTheOrderAndTheConfirmationButtonsConfirmIt()
    {
        var page = await OpenChatAsync("whatsapp");

        await page.Locator("#send-cart").ClickAsync();
        var first = page.Locator(".bubble.shop").First;
        await first.WaitForAsync(new LocatorWaitForOptions { Timeout = (float)s_replyTimeout.TotalMilliseconds });
        Assert.Contains("ABY-BLK-01", await page.Locator(".bubble.customer").First.InnerTextAsync());
        foreach (var (text, index) in new[] { ("سارة أحمد", 1), ("الرياض، حي النخيل", 2) })
        {
            await SendAsync(page, text);
            await page.Locator(".bubble.shop").Nth(index).WaitForAsync(new LocatorWaitForOptions { Timeout = (float)s_replyTimeout.TotalMilliseconds });
        }

        var buttons = page.Locator(".bubble.shop").Nth(2).Locator(".choices.button_reply .choice");
        await buttons.First.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        Assert.Equal(3, await buttons.CountAsync());
        await buttons.First.ClickAsync();

        var confirmed = page.Locator(".bubble.shop").Nth(3);
        await confirmed.WaitForAsync(new LocatorWaitForOptions { Timeout = (float)s_replyTimeout.TotalMilliseconds });
        Assert.Contains("تم تأكيد طلبك", await confirmed.Locator(".text").InnerTextAsync());
    }

    private async Task<IPage> OpenChatAsync(string platform)
    {
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

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
