using System.Net;
using System.Text;
using System.Text.Json;
using Npgsql;
using StackExchange.Redis;
using static AiSales.Tests.Webhooks.WebhookTestClient;
using static AiSales.Tests.Webhooks.WebhookTestData;

namespace AiSales.Tests.Webhooks;

[Collection(WebhooksCollection.Name)]
public sealed class WhatsAppWebhookTests(AppHostFixture fixture) : IAsyncLifetime
{
    private NpgsqlDataSource _db = null!;
    private HttpClient _api = null!;
    private string _phoneNumberId = "";
    private string _customer = "";
    private Guid _merchantId;

    public async Task InitializeAsync()
    {
        _db = fixture.CreateDataSource();
        _api = fixture.CreateHttpClient("api");
        _phoneNumberId = NewNumericId();
        _customer = NewNumericId(11);
        _merchantId = await CreateMerchantWithChannelAsync(_db, "whatsapp", _phoneNumberId);
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _db.DisposeAsync();
    }

    private Dictionary<string, string> Ids(params (string From, string To)[] more) => WhatsAppFixtureIds(_phoneNumberId, _customer, more);

    [Fact]
    public async Task TextMessageCreatesCustomerConversationAndPendingMessage()
    {
        var wamid = NewExternalId("wamid.");
        var body = Fixture("whatsapp-text.json", Ids(("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=", wamid)));

        using var response = await PostAsync(_api, "whatsapp", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var messageId = await WaitForAsync<long>(_db, id => id > 0, "SELECT id FROM messages WHERE platform = 'whatsapp' AND external_id = $1", wamid);
        await using var command = _db.CreateCommand("""
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
        Assert.Equal(_customer, reader.GetString(8));
        Assert.Equal(_customer, reader.GetString(9));
        Assert.Equal(_merchantId, reader.GetGuid(10));
        Assert.Equal("processed", await WaitForEventStateAsync(_db, Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public async Task NewCustomerMessageIsPublishedToTheInboundStream()
    {
        var wamid = NewExternalId("wamid.");
        var body = Fixture("whatsapp-text.json", Ids(("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=", wamid)));

        using var response = await PostAsync(_api, "whatsapp", body);

        var messageId = await WaitForAsync<long>(_db, id => id > 0, "SELECT id FROM messages WHERE platform = 'whatsapp' AND external_id = $1", wamid);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(fixture.RedisConnectionString);
        var deadline = DateTime.UtcNow + WaitTimeout;
        var found = false;
        while (!found && DateTime.UtcNow < deadline)
        {
            var entries = await redis.GetDatabase().StreamRangeAsync("aisales:inbound", "-", "+", count: 5000, messageOrder: Order.Descending);
            found = entries.Any(e => (string?)e["message_id"] == messageId.ToString() && (string?)e["merchant_id"] == _merchantId.ToString());
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

        using var response = await PostAsync(_api, "whatsapp", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await WaitForAsync<long>(_db, n => n == 1, "SELECT count(*) FROM messages WHERE platform = 'whatsapp' AND external_id = $1", wamid);
        await using var command = _db.CreateCommand("SELECT kind, text, payload::text, reply_state FROM messages WHERE platform = 'whatsapp' AND external_id = $1");
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

        using var response = await PostAsync(_api, "whatsapp", body);

        var payload = await WaitForAsync<string>(_db, p => p is not null, "SELECT payload::text FROM messages WHERE platform = 'whatsapp' AND external_id = $1", wamid);
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
        var body = WhatsAppBody(_phoneNumberId, [
            Message(_customer, target, "text", """{"body":"first"}"""),
            Message(_customer, location, "location", """{"latitude":24.7136,"longitude":46.6753,"name":"Shop","address":"Riyadh"}"""),
            Message(_customer, contacts, "contacts", """[{"name":{"formatted_name":"Ali"},"phones":[{"phone":"+966500000000"}]}]"""),
            Message(_customer, NewExternalId("wamid."), "reaction", $$"""{"message_id":"{{target}}","emoji":"\ud83d\udc4d"}""", timestamp: 1749416999),
        ]);

        using var response = await PostAsync(_api, "whatsapp", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("processed", await WaitForEventStateAsync(_db, Encoding.UTF8.GetBytes(body)));
        Assert.Equal("👍", await ScalarAsync<string>(_db, "SELECT reaction FROM messages WHERE platform = 'whatsapp' AND external_id = $1", target));
        var locationPayload = await ScalarAsync<string>(_db, "SELECT payload->'location'->>'name' FROM messages WHERE platform = 'whatsapp' AND external_id = $1", location);
        Assert.Equal("Shop", locationPayload);
        Assert.Equal("Ali", await ScalarAsync<string>(_db, "SELECT payload->'contacts'->0->'name'->>'formatted_name' FROM messages WHERE platform = 'whatsapp' AND external_id = $1", contacts));
        // The reaction is not a message of its own.
        Assert.Equal(3L, await ScalarAsync<long>(_db, "SELECT count(*) FROM messages WHERE merchant_id = $1", _merchantId));
    }

    [Fact]
    public async Task ArabicAndEmojiEscapedAsUnicodeSequencesVerifyAndAreStoredAsRealCharacters()
    {
        const string text = "مرحبا، هل الحقيبة السوداء متوفرة؟ 👜✨";
        var escaped = string.Concat(text.Select(c => c < 128 ? c.ToString() : $"\\u{(int)c:x4}"));
        var wamid = NewExternalId("wamid.");
        var body = WhatsAppBody(_phoneNumberId, [Message(_customer, wamid, "text", $$"""{"body":"{{escaped}}"}""")], profileName: "\\u0633\\u0627\\u0631\\u0629");
        Assert.DoesNotContain("م", body);

        using var response = await PostAsync(_api, "whatsapp", Encoding.ASCII.GetBytes(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await WaitForAsync<string>(_db, t => t is not null, "SELECT text FROM messages WHERE platform = 'whatsapp' AND external_id = $1", wamid);
        Assert.Equal(text, stored);
        Assert.Equal("سارة", await ScalarAsync<string>(_db, "SELECT display_name FROM customers WHERE merchant_id = $1", _merchantId));
        Assert.Equal(1L, await CountEventsAsync(_db, Encoding.ASCII.GetBytes(body)));
    }

    [Fact]
    public async Task BatchedBodyWithSeveralEntriesChangesMessagesAndStatusesAllLand()
    {
        var secondPhone = NewNumericId();
        await ConnectChannelAsync(_db, await CreateMerchantAsync(_db), "whatsapp", secondPhone);
        var sent = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var outbound = NewExternalId("wamid.");
            await SeedOutboundAsync(_db, _merchantId, "whatsapp", _customer, outbound, "reply " + i);
            sent.Add(outbound);
        }

        var incoming = Enumerable.Range(0, 12).Select(_ => NewExternalId("wamid.")).ToList();
        string Change(string phone, IEnumerable<string> ids, string customer, IEnumerable<string> statuses)
        {
            var messages = string.Join(",", ids.Select(id => Message(customer, id, "text", """{"body":"batched"}""")));
            var statusItems = string.Join(",", statuses.Select(s => $$"""{"id":"{{s}}","status":"delivered","timestamp":"1749417000","recipient_id":"{{customer}}"}"""));
            return $$$"""
                {"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"1555","phone_number_id":"{{{phone}}}"},
                 "contacts":[{"profile":{"name":"Batch"},"wa_id":"{{{customer}}}"}],
                 "messages":[{{{messages}}}],"statuses":[{{{statusItems}}}]}}
                """;
        }
        var otherCustomer = NewNumericId(11);
        var body = $$"""
            {"object":"whatsapp_business_account","entry":[
              {"id":"1","changes":[{{Change(_phoneNumberId, incoming.Take(3), _customer, [sent[0]])}},{{Change(_phoneNumberId, incoming.Skip(3).Take(3), otherCustomer, [sent[1]])}}]},
              {"id":"2","changes":[{{Change(secondPhone, incoming.Skip(6).Take(3), _customer, [])}},{{Change(secondPhone, incoming.Skip(9), otherCustomer, [])}}]}]}
            """;

        using var response = await PostAsync(_api, "whatsapp", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("processed", await WaitForEventStateAsync(_db, Encoding.UTF8.GetBytes(body)));
        Assert.Equal(12L, await ScalarAsync<long>(_db, "SELECT count(*) FROM messages WHERE platform = 'whatsapp' AND external_id = ANY($1)", (object)incoming.ToArray()));
        Assert.Equal(2L, await ScalarAsync<long>(_db, "SELECT count(*) FROM messages WHERE external_id = ANY($1) AND delivery_status = 'delivered'", (object)sent.ToArray()));
        Assert.Equal(4L, await ScalarAsync<long>(_db,
            "SELECT count(*) FROM conversations c JOIN channels ch ON ch.merchant_id = c.merchant_id WHERE ch.account_id = ANY($1)",
            (object)new[] { _phoneNumberId, secondPhone }));
    }

    [Fact]
    public async Task DuplicateDeliveryStoresOneMessageAndOneReplyTrigger()
    {
        var wamid = NewExternalId("wamid.");
        var body = Fixture("whatsapp-text.json", Ids(("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=", wamid)));
        var other = WhatsAppBody(_phoneNumberId, [Message(_customer, wamid, "text", """{"body":"Does it come in another color?"}""")]);

        using var first = await PostAsync(_api, "whatsapp", body);
        using var second = await PostAsync(_api, "whatsapp", body);
        using var third = await PostAsync(_api, "whatsapp", other);

        Assert.All(new[] { first, second, third }, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal("processed", await WaitForEventStateAsync(_db, Encoding.UTF8.GetBytes(other)));
        await WaitForAsync<long>(_db, n => n == 0,
            "SELECT count(*) FROM webhook_events WHERE state = 'received' AND (body = $1 OR body = $2)", Encoding.UTF8.GetBytes(body), Encoding.UTF8.GetBytes(other));
        Assert.Equal(1L, await ScalarAsync<long>(_db, "SELECT count(*) FROM messages WHERE platform = 'whatsapp' AND external_id = $1", wamid));
        // One reply trigger: pending, or already answered by the agent when the machine is slow ('done').
        Assert.Equal(1L, await ScalarAsync<long>(_db, "SELECT count(*) FROM messages WHERE merchant_id = $1 AND reply_state IS NOT NULL", _merchantId));
    }

    [Fact]
    public async Task FiftyConcurrentFirstMessagesFromOneNewCustomerYieldOneConversation()
    {
        var ids = Enumerable.Range(0, 50).Select(_ => NewExternalId("wamid.")).ToList();

        var responses = await Task.WhenAll(ids.Select(id =>
            PostAsync(_api, "whatsapp", WhatsAppBody(_phoneNumberId, [Message(_customer, id, "text", """{"body":"hello"}""")]))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await WaitForAsync<long>(_db, n => n == 50, "SELECT count(*) FROM messages WHERE merchant_id = $1", _merchantId);
        Assert.Equal(1L, await ScalarAsync<long>(_db, "SELECT count(*) FROM conversations WHERE merchant_id = $1", _merchantId));
        Assert.Equal(1L, await ScalarAsync<long>(_db, "SELECT count(*) FROM customers WHERE merchant_id = $1", _merchantId));
        Assert.Equal(1L, await ScalarAsync<long>(_db, "SELECT count(DISTINCT conversation_id) FROM messages WHERE merchant_id = $1", _merchantId));
    }

    [Theory]
    [InlineData("disabled", true)]
    [InlineData("active", false)]
    public async Task MessagesOfAMerchantWhoseAiDoesNotAnswerAreStoredAlreadySkipped(string merchantStatus, bool aiEnabled)
    {
        // Skipped at ingestion: no turn is spent on them (a busy shop with its AI off used to cost the agent a turn per message).
        var phone = NewNumericId();
        var merchantId = await CreateMerchantWithChannelAsync(_db, "whatsapp", phone, status: merchantStatus);
        await using (var aiSwitch = _db.CreateCommand("UPDATE merchants SET ai_enabled = $2 WHERE id = $1"))
        {
            aiSwitch.Parameters.AddWithValue(merchantId);
            aiSwitch.Parameters.AddWithValue(aiEnabled);
            await aiSwitch.ExecuteNonQueryAsync();
        }

        var wamid = NewExternalId("wamid.");

        using var response = await PostAsync(_api, "whatsapp", WhatsAppBody(phone, [Message(_customer, wamid, "text", """{"body":"hi"}""")]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var state = await WaitForAsync<string>(_db, s => s is not null, "SELECT reply_state FROM messages WHERE platform = 'whatsapp' AND external_id = $1", wamid);
        Assert.Equal("skipped", state);
        Assert.Equal(merchantId, await ScalarAsync<Guid>(_db, "SELECT merchant_id FROM messages WHERE platform = 'whatsapp' AND external_id = $1", wamid));
    }

    [Fact]
    public async Task EventCommittedButNeverProcessedIsFoundAndProcessed()
    {
        // As if the API crashed right after the inbox commit: the row is 'received' and nobody was woken.
        var wamid = NewExternalId("wamid.");
        var body = Encoding.UTF8.GetBytes(WhatsAppBody(_phoneNumberId, [Message(_customer, wamid, "text", """{"body":"after a crash"}""")]));
        await using (var insert = _db.CreateCommand("INSERT INTO webhook_events (platform, body) VALUES ('whatsapp', $1)"))
        {
            insert.Parameters.AddWithValue(body);
            await insert.ExecuteNonQueryAsync();
        }

        Assert.Equal("after a crash", await WaitForAsync<string>(_db, t => t is not null,
            "SELECT text FROM messages WHERE platform = 'whatsapp' AND external_id = $1", wamid));
        Assert.Equal("processed", await WaitForEventStateAsync(_db, body));
    }

    public static string Message(string from, string id, string type, string content, long timestamp = 1749416383) =>
        $$"""{"from":"{{from}}","id":"{{id}}","timestamp":"{{timestamp}}","type":"{{type}}","{{type}}":{{content}}}""";

    public static string WhatsAppBody(string phoneNumberId, IEnumerable<string> messages, IEnumerable<string>? statuses = null, string profileName = "Customer")
    {
        var from = messages.Select(m => JsonDocument.Parse(m).RootElement.GetProperty("from").GetString()).FirstOrDefault() ?? "0";
        return $$"""
            {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp",
            "metadata":{"display_phone_number":"15550783881","phone_number_id":"{{phoneNumberId}}"},
            "contacts":[{"profile":{"name":"{{profileName}}"},"wa_id":"{{from}}"}],
            "messages":[{{string.Join(",", messages)}}],"statuses":[{{string.Join(",", statuses ?? [])}}]},"field":"messages"}]}]}
            """;
    }
}
