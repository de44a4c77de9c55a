using System.Net;
using System.Text;
using Npgsql;
using static AiSales.Tests.Webhooks.WebhookTestClient;
using static AiSales.Tests.Webhooks.WebhookTestData;

namespace AiSales.Tests.Webhooks;

/// <summary>
/// WhatsApp usernames (2026): a user may be known only by a business-scoped user id (BSUID): no "from", no "wa_id".
/// The message is stored under a customer keyed by that id, and statuses carrying only such ids still match.
/// </summary>
[Collection(WebhooksCollection.Name)]
public sealed class WhatsAppUsernameTests(AppHostFixture fixture)
{
    [Theory]
    [InlineData("from_user_id", "user_id")]
    [InlineData("from_parent_user_id", "parent_user_id")]
    public async Task MessageFromAUserKnownOnlyByABusinessScopedIdIsStoredUnderThatId(string fromField, string contactField)
    {
        await using var db = fixture.CreateDataSource();
        using var api = fixture.CreateHttpClient("api");
        var phoneNumberId = NewNumericId();
        var merchantId = await CreateMerchantWithChannelAsync(db, "whatsapp", phoneNumberId);
        var bsuid = contactField == "user_id" ? $"SA.{NewNumericId(16)}" : $"SA.ENT.{NewNumericId(16)}";
        var wamid = NewExternalId("wamid.");
        var body = $$$"""
            {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp",
            "metadata":{"display_phone_number":"15550783881","phone_number_id":"{{{phoneNumberId}}}"},
            "contacts":[{"profile":{"name":"Noura","username":"@noura"},"{{{contactField}}}":"{{{bsuid}}}"}],
            "messages":[{"{{{fromField}}}":"{{{bsuid}}}","id":"{{{wamid}}}","timestamp":"1749416383","type":"text","text":{"body":"is the blue kaftan in stock?"}}]},
            "field":"messages"}]}]}
            """;

        using var response = await PostAsync(api, "whatsapp", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("is the blue kaftan in stock?", await WaitForAsync<string>(db, t => t is not null,
            "SELECT text FROM messages WHERE platform = 'whatsapp' AND external_id = $1", wamid));
        Assert.Equal(bsuid, await ScalarAsync<string>(db, """
            SELECT c.customer_phone FROM conversations c JOIN messages m ON m.conversation_id = c.id
            WHERE m.platform = 'whatsapp' AND m.external_id = $1
            """, wamid));
        Assert.Equal("Noura", await ScalarAsync<string>(db,
            "SELECT display_name FROM customers WHERE merchant_id = $1 AND platform = 'whatsapp' AND phone = $2", merchantId, bsuid));
        Assert.Equal("processed", await WaitForEventStateAsync(db, Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public async Task StatusCarryingOnlyTheRecipientsBusinessScopedIdIsApplied()
    {
        await using var db = fixture.CreateDataSource();
        using var api = fixture.CreateHttpClient("api");
        var phoneNumberId = NewNumericId();
        var merchantId = await CreateMerchantWithChannelAsync(db, "whatsapp", phoneNumberId);
        var bsuid = $"SA.{NewNumericId(16)}";
        var wamid = NewExternalId("wamid.");
        var (messageId, _, _) = await SeedOutboundAsync(db, merchantId, "whatsapp", bsuid, wamid, "Yes, in stock", deliveryStatus: "sent");
        var body = WhatsAppBodies.WhatsAppBody(phoneNumberId, [],
            statuses: [$$"""{"id":"{{wamid}}","status":"read","timestamp":"1749417100","recipient_user_id":"{{bsuid}}"}"""]);

        using var response = await PostAsync(api, "whatsapp", body);

        Assert.Equal("processed", await WaitForEventStateAsync(db, Encoding.UTF8.GetBytes(body)));
        Assert.Equal("read", await ScalarAsync<string>(db, "SELECT delivery_status FROM messages WHERE id = $1", messageId));
    }
}
