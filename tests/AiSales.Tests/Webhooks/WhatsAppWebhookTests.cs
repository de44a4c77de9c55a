using System.Net;
using System.Text;
using System.Text.Json;
using Npgsql;
using StackExchange.Redis;
using static AiSales.Tests.Webhooks.WebhookTestClient;
using static AiSales.Tests.Webhooks.WebhookTestData;
using static AiSales.Tests.Webhooks.WhatsAppBodies;

namespace AiSales.Tests.Webhooks;

/// <summary>WhatsApp webhooks through the AppHost: each kind of message Meta sends lands as the message it is.</summary>
[Collection(WebhooksCollection.Name)]
public sealed class WhatsAppWebhookTests(AppHostFixture fixture) : WhatsAppMerchantTest(fixture)
{
    [Fact]
    public async Task TextMessageCreatesCustomerConversationAndPendingMessage()
    {
        var wamid = NewExternalId("wamid.");
        var body = Fixture("whatsapp-text.json", Ids(("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=", wamid)));

        using var response = await PostAsync(Api, "whatsapp", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var messageId = await WaitForAsync<long>(Db, id => id > 0, "SELECT id FROM messages WHERE platform = 'whatsapp' AND external_id = $1", wamid);
        await using var command = Db.CreateCommand("""
            SELECT m.text, m.kind, m.direction, m.author, m.reply_state, m.platform_timestamp, c.last_customer_message_at,
                   cu.display_name, cu.phone, c.customer_phone, m.merchant_id
            FROM messages m JOIN conversations c ON c.id = m.conversation_id JOIN customers cu ON cu.id = c.customer_id
            WHERE m.id = $1
            """);
        command.Parameters.AddWithValue(messageId);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("Does it come in another color?", reader.GetString(0));
        Assert.Equal("text", reader.GetString(1));
        Assert.Equal("inbound", reader.GetString(2));
        Assert.Equal("customer", reader.GetString(3));
        Assert.Equal("pending", reader.GetString(4));
        var sentAt = DateTimeOffset.FromUnixTimeSeconds(1749416383).UtcDateTime;
        Assert.Equal(sentAt, reader.GetDateTime(5));
        Assert.Equal(sentAt, reader.GetDateTime(6));
        Assert.Equal("Sheena Nelson", reader.GetString(7));
        Assert.Equal(Customer, reader.GetString(8));
        Assert.Equal(Customer, reader.GetString(9));
        Assert.Equal(MerchantId, reader.GetGuid(10));
        Assert.Equal("processed", await WaitForEventStateAsync(Db, Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public async Task NewCustomerMessageIsPublishedToTheInboundStream()
    {
        var wamid = NewExternalId("wamid.");
        var body = Fixture("whatsapp-text.json", Ids(("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=", wamid)));

        using var response = await PostAsync(Api, "whatsapp", body);

        var messageId = await WaitForAsync<long>(Db, id => id > 0, "SELECT id FROM messages WHERE platform = 'whatsapp' AND external_id = $1", wamid);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(AppHost.RedisConnectionString);
        var deadline = DateTime.UtcNow + WaitTimeout;
        var found = false;
        while (!found && DateTime.UtcNow < deadline)
        {
            var entries = await redis.GetDatabase().StreamRangeAsync("aisales:inbound", "-", "+", count: 5000, messageOrder: Order.Descending);
            found = entries.Any(e => (string?)e["message_id"] == messageId.ToString() && (string?)e["merchant_id"] == MerchantId.ToString());
            await Task.Delay(found ? 0 : 100);
        }

        Assert.True(found, $"message {messageId} was not published to aisales:inbound");
    }

    [Theory]
    [InlineData("whatsapp-image.json", "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUIMAGE1", "image", "This is a caption", "media", "id", "2754859441498128")]
    [InlineData("whatsapp-interactive-button.json", "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=", "interactive", "Cancel", "interactive", "type", "button_reply")]
    [InlineData("whatsapp-interactive-list.json", "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAB=", "interactive", "Priority Mail Express", "interactive", "type", "list_reply")]
    public async Task EachMessageFixtureProducesItsMessage(string file, string fixtureId, string kind, string text, string payloadKey, string field, string value)
    {
        var wamid = NewExternalId("wamid.");
        var body = Fixture(file, Ids((fixtureId, wamid)));

        using var response = await PostAsync(Api, "whatsapp", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await WaitForAsync<long>(Db, n => n == 1, "SELECT count(*) FROM messages WHERE platform = 'whatsapp' AND external_id = $1", wamid);
        await using var command = Db.CreateCommand("SELECT kind, text, payload::text, reply_state FROM messages WHERE platform = 'whatsapp' AND external_id = $1");
        command.Parameters.AddWithValue(wamid);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(kind, reader.GetString(0));
        Assert.Equal(text, reader.GetString(1));
        using var payload = JsonDocument.Parse(reader.GetString(2));
        Assert.Equal(value, payload.RootElement.GetProperty(payloadKey).GetProperty(field).GetString());
        Assert.Equal("pending", reader.GetString(3));
    }

    [Fact]
    public async Task ImageKeepsMimeTypeAndSha256ForALaterDownload()
    {
        var wamid = NewExternalId("wamid.");
        var body = Fixture("whatsapp-image.json", Ids(("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUIMAGE1", wamid)));

        using var response = await PostAsync(Api, "whatsapp", body);

        var payload = await WaitForAsync<string>(Db, p => p is not null, "SELECT payload::text FROM messages WHERE platform = 'whatsapp' AND external_id = $1", wamid);
        using var json = JsonDocument.Parse(payload!);
        var media = json.RootElement.GetProperty("media");
        Assert.Equal("image/jpeg", media.GetProperty("mime_type").GetString());
        Assert.Equal("81d3bd8a8db4868c9520ed47186e8b7c5789e61ff79f7f834be6950b808a90d3", media.GetProperty("sha256").GetString());
        Assert.Equal("This is a caption", media.GetProperty("caption").GetString());
    }

    [Fact]
    public async Task LocationContactsAndReactionAreStored()
    {
        var target = NewExternalId("wamid.");
        var location = NewExternalId("wamid.");
        var contacts = NewExternalId("wamid.");
        var body = WhatsAppBody(PhoneNumberId, [
            Message(Customer, target, "text", """{"body":"first"}"""),
            Message(Customer, location, "location", """{"latitude":24.7136,"longitude":46.6753,"name":"Shop","address":"Riyadh"}"""),
            Message(Customer, contacts, "contacts", """[{"name":{"formatted_name":"Ali"},"phones":[{"phone":"+966500000000"}]}]"""),
            Message(Customer, NewExternalId("wamid."), "reaction", $$"""{"message_id":"{{target}}","emoji":"\ud83d\udc4d"}""", timestamp: 1749416999),
        ]);

        using var response = await PostAsync(Api, "whatsapp", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("processed", await WaitForEventStateAsync(Db, Encoding.UTF8.GetBytes(body)));
        Assert.Equal("👍", await ScalarAsync<string>(Db, "SELECT reaction FROM messages WHERE platform = 'whatsapp' AND external_id = $1", target));
        var locationPayload = await ScalarAsync<string>(Db, "SELECT payload->'location'->>'name' FROM messages WHERE platform = 'whatsapp' AND external_id = $1", location);
        Assert.Equal("Shop", locationPayload);
        Assert.Equal("Ali", await ScalarAsync<string>(Db, "SELECT payload->'contacts'->0->'name'->>'formatted_name' FROM messages WHERE platform = 'whatsapp' AND external_id = $1", contacts));
        // The reaction is not a message of its own.
        Assert.Equal(3L, await ScalarAsync<long>(Db, "SELECT count(*) FROM messages WHERE merchant_id = $1", MerchantId));
    }

    [Fact]
    public async Task ArabicAndEmojiEscapedAsUnicodeSequencesVerifyAndAreStoredAsRealCharacters()
    {
        const string text = "مرحبا، هل الحقيبة السوداء متوفرة؟ 👜✨";
        var escaped = string.Concat(text.Select(c => c < 128 ? c.ToString() : $"\\u{(int)c:x4}"));
        var wamid = NewExternalId("wamid.");
        var body = WhatsAppBody(PhoneNumberId, [Message(Customer, wamid, "text", $$"""{"body":"{{escaped}}"}""")], profileName: "\\u0633\\u0627\\u0631\\u0629");
        Assert.DoesNotContain("م", body);

        using var response = await PostAsync(Api, "whatsapp", Encoding.ASCII.GetBytes(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await WaitForAsync<string>(Db, t => t is not null, "SELECT text FROM messages WHERE platform = 'whatsapp' AND external_id = $1", wamid);
        Assert.Equal(text, stored);
        Assert.Equal("سارة", await ScalarAsync<string>(Db, "SELECT display_name FROM customers WHERE merchant_id = $1", MerchantId));
        Assert.Equal(1L, await CountEventsAsync(Db, Encoding.ASCII.GetBytes(body)));
    }
}
