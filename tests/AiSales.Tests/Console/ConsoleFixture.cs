using Microsoft.Playwright;

namespace AiSales.Tests.MerchantConsole;

/// <summary>
/// The whole platform through the AppHost (PostgreSQL, Redis, migrator, api, agent, simulator, web) and one headless
/// Debian Chromium for the console's tests, started once for the collection. (The namespace is not "Console", which
/// would hide System.Console from every other test namespace.)
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private readonly List<IBrowserContext> _contexts = [];

    public AppHostFixture Platform { get; } = new();

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public Uri WebAddress { get; private set; } = null!;

    public HttpClient CreateApiClient() => Platform.CreateHttpClient("api");

    public async Task InitializeAsync()
    {
        await Platform.InitializeAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await Platform.App.ResourceNotifications.WaitForResourceHealthyAsync("web", timeout.Token);
        using (var web = Platform.CreateHttpClient("web"))
        {
            WebAddress = web.BaseAddress!;
        }

        await StartBrowserAsync();
    }

    private async Task StartBrowserAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Timeout = 60_000,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    // Ends Playwright's driver, and with it the browser it started, without waiting on a browser that stopped answering.
    private async Task StopBrowserAsync()
    {
        if (_browser is not null)
        {
            try
            {
                await _browser.CloseAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
            catch (TimeoutException)
            {
                Console.Error.WriteLine("ConsoleFixture: the browser did not close within 30 s; its driver is stopped instead.");
            }
        }

        _playwright?.Dispose();
        (_browser, _playwright) = (null, null);
    }

    /// <summary>
    /// A fresh browser profile (no cookies), phone-sized unless told otherwise. The waits are generous: CI runs this
    /// collection's platform, another collection's platform and Chromium on two cores, where a page has been seen to
    /// need more than 30 s; how fast pages are is the benchmarks' business, not these tests'.
    /// </summary>
    public async Task<IPage> NewPageAsync(int width = 390, int height = 844, string? timeZone = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            TimezoneId = timeZone,
        });
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(60_000);
        lock (_contexts)
        {
            _contexts.Add(context);
        }

        return await context.NewPageAsync();
    }

    /// <summary>
    /// Closes every page opened since the last call (closing one a test already closed does nothing). A close is bounded:
    /// once in a full run Chromium never answered one (Playwright's close has no timeout, and the run hung until the
    /// test host was killed). Then the browser is replaced, and the next test starts with a fresh one.
    /// </summary>
    public async Task ClosePagesAsync()
    {
        IBrowserContext[] contexts;
        lock (_contexts)
        {
            contexts = [.. _contexts];
            _contexts.Clear();
        }

        foreach (var context in contexts)
        {
            try
            {
                await context.CloseAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
            catch (TimeoutException)
            {
                Console.Error.WriteLine("ConsoleFixture: a browser context did not close within 30 s; starting a fresh browser.");
                await StopBrowserAsync();
                await StartBrowserAsync();
                return; // the other contexts went with the old browser
            }
        }
    }

    public string Web(string path) => new Uri(WebAddress, path).ToString();

    public async Task DisposeAsync()
    {
        await StopBrowserAsync();
        await Platform.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "Console";
}
