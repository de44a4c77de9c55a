using System.Net;
using System.Text.RegularExpressions;

namespace AiSales.Tests.Foundation;

/// <summary>
/// The console started as an operator (or the black-box run) starts it: its build output, Production, environment
/// variables only, from another directory. Its page must come with the scripts, styles and icon it names.
/// </summary>
[Collection(AppHostCollection.Name)]
public sealed partial class ConsoleOutsideAppHostTests(AppHostFixture fixture)
{
    [Fact]
    public async Task FromItsBuildOutputInProductionTheSignInPageAndEveryScriptAndStyleItNamesAreServed()
    {
        using var apiClient = fixture.CreateHttpClient("api");
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__aisalesdb"] = fixture.DatabaseConnectionString,
            ["ConnectionStrings__redis"] = fixture.RedisConnectionString,
            ["Api__BaseUrl"] = apiClient.BaseAddress!.ToString(),
            ["Sentry__Dsn"] = "",
        };
        await using var web = ServiceProcess.Start("AiSales.Web", environment, http: true);
        using var client = await web.WaitUntilAliveAsync(TimeSpan.FromSeconds(60));

        using var page = await client.GetAsync("/sign-in");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var assets = Asset().Matches(html).Select(m => m.Groups["url"].Value).ToList();
        Assert.Contains(assets, a => a.Contains("blazor.web", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.Contains("MudBlazor", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.Contains("favicon", StringComparison.Ordinal)); // else every page logs a 404 for /favicon.ico
        foreach (var asset in assets)
        {
            using var response = await client.GetAsync(asset.StartsWith('/') ? asset : "/" + asset);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 0, $"{asset} came back empty:\n{web.Output}");
        }
    }

    [GeneratedRegex("""(?:src|href)="(?<url>[^"]+\.(?:js|css|svg))" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Asset();
}
