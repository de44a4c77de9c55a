using Microsoft.Playwright;
using static AiSales.Tests.MerchantConsole.ConsoleBrowser;
using static AiSales.Tests.MerchantConsole.ConsoleTestData;

namespace AiSales.Tests.MerchantConsole;

/// <summary>The console outside the AppHost, with environment variables only, as an operator runs it.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleHostingTests(ConsoleFixture fixture) : ConsolePageTest(fixture)
{
    [Fact]
    public async Task AMissingApiBaseUrlStopsTheConsoleWithOneLineNamingIt()
    {
        await using var web = ServiceProcess.Start("AiSales.Web", new Dictionary<string, string?>
        {
            ["ConnectionStrings__aisalesdb"] = Fixture.Platform.DatabaseConnectionString,
            ["Sentry__Dsn"] = "",
        }, http: true);

        Assert.Equal(2, await web.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("AiSales.Web cannot start: setting Api__BaseUrl is missing.", web.Output);
    }

    [Fact]
    public async Task ASignedInBrowserStaysSignedInAfterTheConsoleRestarts()
    {
        using var api = Fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__aisalesdb"] = Fixture.Platform.DatabaseConnectionString,
            ["Api__BaseUrl"] = api.BaseAddress!.ToString(),
            ["Sentry__Dsn"] = "",
        };
        var page = await Fixture.NewPageAsync();

        await using (var first = ServiceProcess.Start("AiSales.Web", environment, http: true))
        {
            using var _ = await first.WaitUntilAliveAsync(TimeSpan.FromSeconds(60));
            await AcceptInviteAndSignInAsync(page, first, merchant);
        }

        // A new process (another port: cookies are shared across ports of a host) with nothing but the database.
        await using var second = ServiceProcess.Start("AiSales.Web", environment, http: true);
        using var __ = await second.WaitUntilAliveAsync(TimeSpan.FromSeconds(60));
        await page.GotoAsync(new Uri(second.BaseAddress!, "/").ToString());
        await page.Locator("[data-testid=signed-in-as]").WaitForAsync();
        Assert.Equal("/", Path(page));
    }

    [Fact]
    public async Task WithoutApiBaseUrlTheConsoleFindsTheApiThroughServiceDiscoveryAndReportsItsReadiness()
    {
        using var api = Fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        await using var web = ServiceProcess.Start("AiSales.Web", new Dictionary<string, string?>
        {
            ["ConnectionStrings__aisalesdb"] = Fixture.Platform.DatabaseConnectionString,
            ["services__api__http__0"] = api.BaseAddress!.ToString().TrimEnd('/'),
            ["Sentry__Dsn"] = "",
        }, http: true);
        using var client = await web.WaitUntilAliveAsync(TimeSpan.FromSeconds(60));

        using var response = await client.GetAsync("/health");
        using var health = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = health.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("schema").GetProperty("status").GetString());
        Assert.Equal("Degraded", checks.GetProperty("redis").GetProperty("status").GetString()); // none given: still 200
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);

        var page = await Fixture.NewPageAsync();
        await AcceptInviteAndSignInAsync(page, web, merchant);
    }

    private static async Task AcceptInviteAndSignInAsync(IPage page, ServiceProcess web, ConsoleMerchant merchant)
    {
        await SetPasswordAsync(page, new Uri(web.BaseAddress!, "/accept-invite?token=" + merchant.InviteToken).ToString());
        await page.WaitForURLAsync("**/sign-in?welcome=true");
        await page.Locator("#email").FillAsync(merchant.OwnerEmail);
        await page.Locator("#password").FillAsync(Password);
        await page.Locator("#sign-in").ClickAsync();
        await page.Locator("[data-testid=signed-in-as]").WaitForAsync();
    }
}
