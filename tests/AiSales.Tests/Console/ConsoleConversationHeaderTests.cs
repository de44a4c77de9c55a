using AiSales.Tests.MerchantApi;
using AiSales.Tests.Webhooks;
using Microsoft.Playwright;
using static AiSales.Tests.MerchantConsole.ConsoleBrowser;
using static AiSales.Tests.MerchantConsole.ConsoleTestData;

namespace AiSales.Tests.MerchantConsole;

/// <summary>A conversation a person answers, in a real Chromium: why it went to a person (contract §7), the platform's reply window, and the channel it needs.</summary>
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
        await WebhookTestData.ConnectChannelAsync(db, merchant.Id, "instagram", MerchantApiTestData.UniqueAccountId());
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
        await WebhookTestData.ConnectChannelAsync(db, merchant.Id, "whatsapp", MerchantApiTestData.UniqueAccountId());
        var conversation = await MerchantApiTestData.SeedConversationAsync(db, merchant.Id, "whatsapp", TimeSpan.FromDays(2), status: "human");
        await SetHandoffReasonAsync(db, conversation.Id, "merchant");
        var page = await SignedInPageAsync(Fixture, merchant, width: 1280);

        await OpenInArabicAsync(page, Fixture, $"/inbox/{conversation.Id}");
        await page.Locator("html[dir=rtl]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await WaitForInteractiveAsync(page);

        var reason = page.Locator("[data-testid=handoff-reason]");
        await reason.WaitForAsync();
        Assert.Contains("تولّاها فريقك", await reason.InnerTextAsync());
        Assert.Contains("24", await page.Locator("[data-testid=reply-rule].blocked").InnerTextAsync());
        Assert.True(await page.Locator(".reply textarea").First.IsDisabledAsync());
    }

    [Fact]
    public async Task WithItsChannelDisconnectedAConversationsReplyBoxIsDisabledAndSaysWhyInBothLanguagesWithTheWayToReconnect()
    {
        var shop = await ConsoleShop.CreateAsync(Fixture, wabaId: ConsoleShop.DemoWabaId);
        await using var db = Fixture.Platform.CreateDataSource();
        var conversation = await MerchantApiTestData.SeedConversationAsync(db, shop.Merchant.Id, "whatsapp", TimeSpan.FromMinutes(5), status: "human");
        var page = await SignedInPageAsync(Fixture, shop.Merchant, width: 1280);
        await page.GotoAsync(Fixture.Web($"/inbox/{conversation.Id}"));
        await WaitForInteractiveAsync(page);
        Assert.False(await page.Locator(".reply textarea").First.IsDisabledAsync());

        // Meta rejected the token (error 190): what the agent's delivery store records, until the owner reconnects.
        await using (var disconnect = db.CreateCommand(
            "UPDATE channels SET status = 'disconnected', status_reason = 'Graph API error 190: Error validating access token' WHERE merchant_id = $1"))
        {
            disconnect.Parameters.AddWithValue(shop.Merchant.Id);
            await disconnect.ExecuteNonQueryAsync();
        }

        await page.ReloadAsync();
        await WaitForInteractiveAsync(page);
        var rule = page.Locator("[data-testid=reply-rule].blocked[data-block=ChannelDisconnected]");
        await rule.WaitForAsync();
        Assert.Contains("Your WhatsApp channel is disconnected, so nothing can be sent to this customer.", await rule.InnerTextAsync());
        Assert.True(await page.Locator(".reply textarea").First.IsDisabledAsync());
        Assert.True(await page.Locator("[data-testid=send]").IsDisabledAsync());
        Assert.True(await page.Locator("[data-testid=template-open]").IsDisabledAsync());

        await ChooseLanguageAsync(page, "ar");
        await WaitForInteractiveAsync(page);
        Assert.Equal($"/inbox/{conversation.Id}", Path(page));
        rule = page.Locator("[data-testid=reply-rule].blocked[data-block=ChannelDisconnected]");
        Assert.Contains("قناة واتساب منقطعة، فلا يمكن إرسال أي رسالة إلى هذا العميل.", await rule.InnerTextAsync());
        Assert.Equal("أعد ربطها من صفحة القنوات.", (await rule.Locator("[data-testid=reconnect-channel]").InnerTextAsync()).Trim());
        Assert.True(await page.Locator(".reply textarea").First.IsDisabledAsync());
        await ScreenshotAsync(page, "console-reply-channel-disconnected-ar-1280");

        await rule.Locator("[data-testid=reconnect-channel]").ClickAsync();
        await page.WaitForURLAsync("**/channels#channel-whatsapp");
        await page.Locator("#channel-whatsapp[data-status=disconnected]").WaitForAsync();

        // Reconnected: the same conversation can be answered again.
        using (var api = Fixture.CreateApiClient())
        using (var reconnected = await SendAsync(api, HttpMethod.Put, "/api/merchant/channels/whatsapp", shop.Merchant.ApiKey,
            new { phoneNumberId = shop.PhoneNumberId, accessToken = shop.AccessToken }))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, reconnected.StatusCode);
        }

        await page.GotoAsync(Fixture.Web($"/inbox/{conversation.Id}"));
        await WaitForInteractiveAsync(page);
        await page.Locator("[data-testid=reply-rule]:not(.blocked)").WaitForAsync();
        Assert.False(await page.Locator(".reply textarea").First.IsDisabledAsync());
    }

    private static async Task SetHandoffReasonAsync(Npgsql.NpgsqlDataSource db, Guid conversationId, string reason)
    {
        await using var command = db.CreateCommand("UPDATE conversations SET handoff_reason = $2 WHERE id = $1");
        command.Parameters.AddWithValue(conversationId);
        command.Parameters.AddWithValue(reason);
        await command.ExecuteNonQueryAsync();
    }
}
