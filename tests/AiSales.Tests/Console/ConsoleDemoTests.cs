using System.Text.Json;
using static AiSales.Tests.MerchantConsole.ConsoleBrowser;

namespace AiSales.Tests.MerchantConsole;

/// <summary>The README's "Try it": the simulator's home page links to the console and shows the demo owner's sign-in, which works.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleDemoTests(ConsoleFixture fixture) : ConsolePageTest(fixture)
{
    [Fact]
    public async Task TheSimulatorsDemoSignInOpensTheDemoShopInTheConsole()
    {
        using var simulator = Fixture.Platform.CreateHttpClient("meta-simulator");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        JsonElement state;
        do
        {
            await Task.Delay(250, timeout.Token);
            state = JsonDocument.Parse(await simulator.GetStringAsync("/simulator/state", timeout.Token)).RootElement;
        }
        while (state.GetProperty("status").GetString() != "ready");

        var page = await Fixture.NewPageAsync();
        await page.GotoAsync(new Uri(simulator.BaseAddress!, "/").ToString());
        await page.Locator("#console-email").GetByText(state.GetProperty("demoOwnerEmail").GetString()!).WaitForAsync();
        var consoleUrl = await page.Locator("#console-link").GetAttributeAsync("href");
        Assert.Equal(Fixture.WebAddress.GetLeftPart(UriPartial.Authority), new Uri(consoleUrl!).GetLeftPart(UriPartial.Authority));

        await page.GotoAsync(consoleUrl!);
        Assert.Equal("/sign-in", Path(page));
        await SignInAsync(page, Fixture, state.GetProperty("demoOwnerEmail").GetString()!, state.GetProperty("demoOwnerPassword").GetString()!);
        await page.Locator("[data-testid=signed-in-as]").WaitForAsync();
        Assert.Equal("AiSales Demo Shop", (await page.Locator("[data-testid=shop-name]").InnerTextAsync()).Trim());
    }
}
