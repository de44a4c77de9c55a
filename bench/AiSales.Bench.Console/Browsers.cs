using Microsoft.Playwright;

namespace AiSales.Bench.Console;

/// <summary>Debian's Chromium through Playwright (as the console's tests drive it), and signing a fresh context in.</summary>
public sealed class Browsers(IPlaywright playwright, IBrowser browser, Uri web) : IAsyncDisposable
{
    public static async Task<Browsers> StartAsync(Uri web)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Timeout = 60_000,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return new Browsers(playwright, browser, web);
    }

    public string Url(string path) => new Uri(web, path).ToString();

    /// <summary>A fresh profile, signed in as the owner, on the inbox.</summary>
    public async Task<IPage> SignedInPageAsync(string email, string password)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        // Straight to the inbox: the overview's stats are not what this bench measures.
        await page.GotoAsync(Url("/sign-in?returnUrl=%2Finbox"));
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("#sign-in").ClickAsync();
        try
        {
            await page.WaitForURLAsync("**/inbox", new() { Timeout = 120_000 });
        }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync(new() { Path = "/tmp/bench-console-sign-in.png" });
            var text = await page.InnerTextAsync("body");
            System.Console.WriteLine($"Not signed in after 120 s at {page.Url}: {text[..Math.Min(400, text.Length)]}");
            throw;
        }

        return page;
    }

    /// <summary>Navigates and returns the browser's own navigation timing: response end and the load event, from its start.</summary>
    public static async Task<(double ResponseMs, double LoadMs)> TimedGotoAsync(IPage page, string url)
    {
        await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        var timing = await page.EvaluateAsync<double[]>("""
            () => { const n = performance.getEntriesByType('navigation')[0]; return [n.responseEnd - n.startTime, n.loadEventEnd - n.startTime]; }
            """);
        return (timing[0], timing[1]);
    }

    /// <summary>Records, in the page, when each bubble whose text starts with the marker first appears (epoch ms).</summary>
    public static Task WatchBubblesAsync(IPage page, string marker) => page.EvaluateAsync("""
        marker => {
            window.__seen = {};
            const scan = () => {
                for (const b of document.querySelectorAll('.bubble .text')) {
                    const t = b.textContent;
                    if (t.startsWith(marker) && !(t in window.__seen)) window.__seen[t] = Date.now();
                }
            };
            new MutationObserver(scan).observe(document.body, { childList: true, subtree: true, characterData: true });
            scan();
        }
        """, marker);

    public static Task<Dictionary<string, double>> SeenAsync(IPage page) =>
        page.EvaluateAsync<Dictionary<string, double>>("() => window.__seen");

    /// <summary>What each page has shown, polled every second until every page showed every text or the time is up.</summary>
    public static async Task<List<Dictionary<string, double>>> WaitUntilSeenAsync(IReadOnlyList<IPage> pages, ICollection<string> texts, TimeSpan patience)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        List<Dictionary<string, double>> seenBy;
        do
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            seenBy = [];
            foreach (var page in pages)
            {
                seenBy.Add(await SeenAsync(page));
            }
        }
        while (seenBy.Any(seen => texts.Any(text => !seen.ContainsKey(text))) && waited.Elapsed < patience);

        return seenBy;
    }

    /// <summary>A page's state, for a watcher that showed nothing: its path, live mark, bubbles and Blazor's reconnect dialog.</summary>
    public static Task<string> DescribeAsync(IPage page) => page.EvaluateAsync<string>("""
        () => JSON.stringify({ path: location.pathname, live: document.querySelector('[data-testid=live]')?.dataset.live,
            bubbles: document.querySelectorAll('.bubble').length, interactive: document.querySelector('.page')?.dataset.interactive,
            reconnect: document.querySelector('#components-reconnect-modal')?.className ?? null })
        """);

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
