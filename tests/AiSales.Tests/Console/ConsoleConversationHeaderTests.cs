using AiSales.Tests.MerchantApi;
using Microsoft.Playwright;
using static AiSales.Tests.MerchantConsole.ConsoleBrowser;
using static AiSales.Tests.MerchantConsole.ConsoleTestData;

namespace AiSales.Tests.MerchantConsole;

/// <summary>A conversation a person answers, in a real Chromium: why it went to a person (contract §7), and the platform's reply window.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleConversationHeaderTests(ConsoleFixture fixture) : ConsolePageTest(fixture)
{
    [Fact]
    public async Task AnInstagramConversationTheAssistantHandedOverShowsWhyAndItsSevenDayWindow()
    {
        using var api = Fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        await using var db = Fixture.Platform.CreateDataSource();
        // Two days since the customer wrote: WhatsApp would be closed, Instagram's person-to-customer window is still open.
        var conversation = await MerchantApiTestData.SeedConversationAsync(db, merchant.Id, "instagram", TimeSpan.FromDays(2), status: "human");
        await SetHandoffReasonAsync(db, conversation.Id, "The assistant failed 3 time(s) and handed over: the model did not answer in time");
        var page = await SignedInPageAsync(Fixture, merchant, width: 1280);

        await page.GotoAsync(Fixture.Web($"/inbox/{conversation.Id}"));
        await WaitForInteractiveAsync(page);

        var reason = page.Locator("[data-testid=handoff-reason]");
        await reason.WaitForAsync();
        Assert.Contains("the model did not answer in time", await reason.InnerTextAsync());
        Assert.Contains("7 days", await page.Locator("[data-testid=reply-rule]").InnerTextAsync());
        Assert.False(await page.Locator(".reply textarea").First.IsDisabledAsync());
    }

    [Fact]
    public async Task AWhatsAppConversationTakenOverSaysSoInArabicAndItsClosedWindowIsTheTwentyFourHourOne()
    {
        using var api = Fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        await using var db = Fixture.Platform.CreateDataSource();
        var conversation = await MerchantApiTestData.SeedConversationAsync(db, merchant.Id, "whatsapp", TimeSpan.FromDays(2), status: "human");
        await SetHandoffReasonAsync(db, conversation.Id, "merchant");
        var page = await SignedInPageAsync(Fixture, merchant, width: 1280);

        await page.GotoAsync(Fixture.Web($"/culture/ar?returnUrl=/inbox/{conversation.Id}"));
        await page.Locator("html[dir=rtl]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await WaitForInteractiveAsync(page);

        var reason = page.Locator("[data-testid=handoff-reason]");
        await reason.WaitForAsync();
        Assert.Contains("تولّاها فريقك", await reason.InnerTextAsync());
        Assert.Contains("24", await page.Locator("[data-testid=reply-rule].blocked").InnerTextAsync());
        Assert.True(await page.Locator(".reply textarea").First.IsDisabledAsync());
    }

    private static async Task SetHandoffReasonAsync(Npgsql.NpgsqlDataSource db, Guid conversationId, string reason)
    {
        await using var command = db.CreateCommand("UPDATE conversations SET handoff_reason = $2 WHERE id = $1");
        command.Parameters.AddWithValue(conversationId);
        command.Parameters.AddWithValue(reason);
        await command.ExecuteNonQueryAsync();
    }
}
