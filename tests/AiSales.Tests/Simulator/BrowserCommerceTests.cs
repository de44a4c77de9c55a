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
    private static readonly TimeSpan s_replyTimeout = SimulatorBrowser.ReplyTimeout;
    private SimulatorBrowser? _browser;

    public async Task InitializeAsync() => _browser = await SimulatorBrowser.StartAsync(fixture);

    [Fact]
    public async Task AListOfChoicesIsRenderedAndATapOnARowAnswers()
    {
        var page = await OpenChatAsync("whatsapp");

        await SendAsync(page, "ابغى حقيبة"); // four bags in the demo catalogue: a list
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

    private Task<IPage> OpenChatAsync(string platform) => _browser!.OpenChatAsync(platform);

    private static Task SendAsync(IPage page, string text) => SimulatorBrowser.SendAsync(page, text);

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
    }
}
