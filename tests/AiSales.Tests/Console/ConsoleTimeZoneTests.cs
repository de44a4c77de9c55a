using System.Globalization;
using AiSales.Tests.MerchantApi;
using static AiSales.Tests.MerchantConsole.ConsoleBrowser;
using static AiSales.Tests.MerchantConsole.ConsoleTestData;

namespace AiSales.Tests.MerchantConsole;

/// <summary>Times are shown in the browser's time zone, not the server's (a shop in Riyadh reads Riyadh time).</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleTimeZoneTests(ConsoleFixture fixture) : ConsolePageTest(fixture)
{
    [Theory]
    [InlineData("Asia/Riyadh", 3)]
    [InlineData("America/Sao_Paulo", -3)]
    public async Task AMessagesTimeIsShownInTheBrowsersTimeZone(string timeZone, int hoursFromUtc)
    {
        using var api = Fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        await using var db = Fixture.Platform.CreateDataSource();
        var conversation = await MerchantApiTestData.SeedConversationAsync(db, merchant.Id, "whatsapp", TimeSpan.FromMinutes(30));
        var page = await SignedInPageAsync(Fixture, merchant, width: 1280, timeZone: timeZone);

        await page.GotoAsync(Fixture.Web($"/inbox/{conversation.Id}"));
        var time = page.Locator(".bubble time").First;
        await time.WaitForAsync();

        var utc = DateTimeOffset.Parse((await time.GetAttributeAsync("datetime"))!, CultureInfo.InvariantCulture);
        var shown = utc.ToOffset(TimeSpan.FromHours(hoursFromUtc)).ToString("t", CultureInfo.GetCultureInfo("en"));
        Assert.Equal(shown, (await time.InnerTextAsync()).Trim());
    }
}
