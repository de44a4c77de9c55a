using System.Net;
using System.Text;
using static AiSales.Tests.Webhooks.WebhookTestClient;
using static AiSales.Tests.Webhooks.WebhookTestData;
using static AiSales.Tests.Webhooks.WhatsAppBodies;

namespace AiSales.Tests.Webhooks;

/// <summary>
/// WhatsApp delivery statuses: they never move backwards, a failure keeps Meta's code and title, and a status naming our
/// delivery (callback data) records its wamid. The merchant sees what the customer saw: a delivery given up as
/// "outcome unknown" is repaired by a later status or echo, while a real failure reported by Meta keeps winning.
/// </summary>
[Collection(WebhooksCollection.Name)]
public sealed class DeliveryTruthTests(AppHostFixture fixture) : WhatsAppMerchantTest(fixture)
{
    [Fact]
    public async Task StatusesDeliveredReadSentDeliveredEndAsRead()
    {
        var wamid = NewExternalId("wamid.");
        await SeedOutboundAsync(Db, MerchantId, "whatsapp", Customer, wamid, "Yes, in red.", deliveryStatus: "pending");
        var fixtureId = "wamid.HBgLNjAxNzM1MjYyMzMVAgARGBJCNkY5NTBENEU3ODYxQTM3RUQA";

        foreach (var file in new[] { "whatsapp-status-read.json", "whatsapp-status-sent.json", "whatsapp-status-delivered.json" })
        {
            var body = Fixture(file, Ids((fixtureId, wamid)));
            using var response = await PostAsync(Api, "whatsapp", body);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("processed", await WaitForEventStateAsync(Db, Encoding.UTF8.GetBytes(body)));
        }

        Assert.Equal("read", await ScalarAsync<string>(Db, "SELECT delivery_status FROM messages WHERE platform = 'whatsapp' AND external_id = $1", wamid));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1694492490).UtcDateTime,
            await ScalarAsync<DateTime>(Db, "SELECT delivery_status_at FROM messages WHERE platform = 'whatsapp' AND external_id = $1", wamid));
    }

    [Fact]
    public async Task FailedStatusKeepsErrorCodeAndTitle()
    {
        var wamid = NewExternalId("wamid.");
        await SeedOutboundAsync(Db, MerchantId, "whatsapp", Customer, wamid, "Late reply");
        var body = Fixture("whatsapp-status-failed.json", Ids(("wamid.HBgLNjAxNzM1MjYyMzMVAgARGBJCNkY5NTBENEU3ODYxQTM3RUQA", wamid)));

        using var response = await PostAsync(Api, "whatsapp", body);

        Assert.Equal("processed", await WaitForEventStateAsync(Db, Encoding.UTF8.GetBytes(body)));
        await using var command = Db.CreateCommand("SELECT delivery_status, error_code, error_title FROM messages WHERE platform = 'whatsapp' AND external_id = $1");
        command.Parameters.AddWithValue(wamid);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("failed", reader.GetString(0));
        Assert.Equal(131047, reader.GetInt32(1));
        Assert.Equal("Re-engagement message", reader.GetString(2));
    }

    [Fact]
    public async Task StatusWithCallbackDataRecordsTheWamidOnTheDelivery()
    {
        // The sender died after Meta accepted the message: the delivery is still 'sending' without a wamid.
        var (messageId, deliveryId, _) = await SeedOutboundAsync(Db, MerchantId, "whatsapp", Customer, null, "Your order is confirmed",
            deliveryStatus: "pending", deliveryState: "sending");
        var wamid = NewExternalId("wamid.");
        var body = WhatsAppBody(PhoneNumberId, [],
            statuses: [$$"""{"id":"{{wamid}}","status":"delivered","timestamp":"1749417100","recipient_id":"{{Customer}}","biz_opaque_callback_data":"{{deliveryId}}"}"""]);

        using var response = await PostAsync(Api, "whatsapp", body);

        Assert.Equal("processed", await WaitForEventStateAsync(Db, Encoding.UTF8.GetBytes(body)));
        Assert.Equal(wamid, await ScalarAsync<string>(Db, "SELECT external_id FROM outbound_deliveries WHERE id = $1", deliveryId));
        Assert.Equal("sent", await ScalarAsync<string>(Db, "SELECT state FROM outbound_deliveries WHERE id = $1", deliveryId));
        Assert.Equal(wamid, await ScalarAsync<string>(Db, "SELECT external_id FROM messages WHERE id = $1", messageId));
        Assert.Equal("delivered", await ScalarAsync<string>(Db, "SELECT delivery_status FROM messages WHERE id = $1", messageId));
    }

    [Theory]
    [InlineData("sent")]
    [InlineData("delivered")]
    [InlineData("read")]
    public async Task LaterStatusRepairsADeliveryGivenUpAsOutcomeUnknown(string status)
    {
        var (messageId, deliveryId) = await SeedGivenUpAsync("Your order is confirmed");
        var wamid = NewExternalId("wamid.");

        await PostStatusAsync(StatusJson(wamid, status, deliveryId));

        Assert.Equal(status, await ScalarAsync<string>(Db, "SELECT delivery_status FROM messages WHERE id = $1", messageId));
        Assert.Equal(wamid, await ScalarAsync<string>(Db, "SELECT external_id FROM messages WHERE id = $1", messageId));
        Assert.Null(await ScalarAsync<string>(Db, "SELECT error_title FROM messages WHERE id = $1", messageId));
        Assert.Equal("sent", await ScalarAsync<string>(Db, "SELECT state FROM outbound_deliveries WHERE id = $1", deliveryId));
        Assert.False(await ScalarAsync<bool>(Db, "SELECT outcome_unknown FROM outbound_deliveries WHERE id = $1", deliveryId));
    }

    [Fact]
    public async Task MetasFailureStatusStillWinsOverAnOutcomeUnknownAndOverLaterStatuses()
    {
        var (messageId, deliveryId) = await SeedGivenUpAsync("Here is your receipt");
        var wamid = NewExternalId("wamid.");

        await PostStatusAsync(StatusJson(wamid, "failed", deliveryId,
            ""","errors":[{"code":131026,"title":"Message undeliverable"}]"""));
        await PostStatusAsync(StatusJson(wamid, "read", deliveryId));

        Assert.Equal("failed", await ScalarAsync<string>(Db, "SELECT delivery_status FROM messages WHERE id = $1", messageId));
        Assert.Equal(131026, await ScalarAsync<int>(Db, "SELECT error_code FROM messages WHERE id = $1", messageId));
        Assert.Equal("failed", await ScalarAsync<string>(Db, "SELECT state FROM outbound_deliveries WHERE id = $1", deliveryId));
    }

    [Fact]
    public async Task FailureFromMetaIsNotUndoneByALateDeliveredStatus()
    {
        var wamid = NewExternalId("wamid.");
        var (messageId, _, _) = await SeedOutboundAsync(Db, MerchantId, "whatsapp", Customer, wamid, "Hello", deliveryStatus: "sent");

        await PostStatusAsync(StatusJson(wamid, "failed", null, ""","errors":[{"code":131047,"title":"Re-engagement message"}]"""));
        await PostStatusAsync(StatusJson(wamid, "delivered", null));

        Assert.Equal("failed", await ScalarAsync<string>(Db, "SELECT delivery_status FROM messages WHERE id = $1", messageId));
    }

    /// <summary>As DeliveryStore.AbandonUnknownAsync leaves it: no wamid, failed, outcome unknown, not resent.</summary>
    private async Task<(long MessageId, Guid DeliveryId)> SeedGivenUpAsync(string text)
    {
        var (messageId, deliveryId, _) = await SeedOutboundAsync(Db, MerchantId, "whatsapp", Customer, null, text,
            deliveryStatus: "failed", deliveryState: "failed");
        await using (var delivery = Db.CreateCommand("UPDATE outbound_deliveries SET outcome_unknown = true, error_message = 'Outcome unknown: not resent' WHERE id = $1"))
        {
            delivery.Parameters.AddWithValue(deliveryId);
            await delivery.ExecuteNonQueryAsync();
        }

        await using var message = Db.CreateCommand("UPDATE messages SET error_title = 'Outcome unknown; not resent' WHERE id = $1");
        message.Parameters.AddWithValue(messageId);
        await message.ExecuteNonQueryAsync();
        return (messageId, deliveryId);
    }

    private string StatusJson(string wamid, string status, Guid? deliveryId, string extra = "") =>
        $$"""{"id":"{{wamid}}","status":"{{status}}","timestamp":"1749417100","recipient_id":"{{Customer}}"{{(deliveryId is null ? "" : $",\"biz_opaque_callback_data\":\"{deliveryId}\"")}}{{extra}}}""";

    private async Task PostStatusAsync(string status)
    {
        var body = WhatsAppBody(PhoneNumberId, [], statuses: [status]);
        using var response = await PostAsync(Api, "whatsapp", body);
        Assert.Equal("processed", await WaitForEventStateAsync(Db, Encoding.UTF8.GetBytes(body)));
    }
}
