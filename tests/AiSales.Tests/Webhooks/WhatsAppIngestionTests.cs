using System.Net;
using System.Text;
using Npgsql;
using static AiSales.Tests.Webhooks.WebhookTestClient;
using static AiSales.Tests.Webhooks.WebhookTestData;
using static AiSales.Tests.Webhooks.WhatsAppBodies;

namespace AiSales.Tests.Webhooks;

/// <summary>WhatsApp webhooks through the AppHost: batches, duplicates, races and crashes lose nothing and store nothing twice.</summary>
[Collection(WebhooksCollection.Name)]
public sealed class WhatsAppIngestionTests(AppHostFixture fixture) : WhatsAppMerchantTest(fixture)
{
    [Fact]
    public async Task BatchedBodyWithSeveralEntriesChangesMessagesAndStatusesAllLand()
    {
        var secondPhone = NewNumericId();
        await ConnectChannelAsync(Db, await CreateMerchantAsync(Db), "whatsapp", secondPhone);
        var sent = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var outbound = NewExternalId("wamid.");
            await SeedOutboundAsync(Db, MerchantId, "whatsapp", Customer, outbound, "reply " + i);
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
              {"id":"1","changes":[{{Change(PhoneNumberId, incoming.Take(3), Customer, [sent[0]])}},{{Change(PhoneNumberId, incoming.Skip(3).Take(3), otherCustomer, [sent[1]])}}]},
              {"id":"2","changes":[{{Change(secondPhone, incoming.Skip(6).Take(3), Customer, [])}},{{Change(secondPhone, incoming.Skip(9), otherCustomer, [])}}]}]}
            """;

        using var response = await PostAsync(Api, "whatsapp", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("processed", await WaitForEventStateAsync(Db, Encoding.UTF8.GetBytes(body)));
        Assert.Equal(12L, await ScalarAsync<long>(Db, "SELECT count(*) FROM messages WHERE platform = 'whatsapp' AND external_id = ANY($1)", (object)incoming.ToArray()));
        Assert.Equal(2L, await ScalarAsync<long>(Db, "SELECT count(*) FROM messages WHERE external_id = ANY($1) AND delivery_status = 'delivered'", (object)sent.ToArray()));
        Assert.Equal(4L, await ScalarAsync<long>(Db,
            "SELECT count(*) FROM conversations c JOIN channels ch ON ch.merchant_id = c.merchant_id WHERE ch.account_id = ANY($1)",
            (object)new[] { PhoneNumberId, secondPhone }));
    }

    [Fact]
    public async Task DuplicateDeliveryStoresOneMessageAndOneReplyTrigger()
    {
        var wamid = NewExternalId("wamid.");
        var body = Fixture("whatsapp-text.json", Ids(("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=", wamid)));
        var other = WhatsAppBody(PhoneNumberId, [Message(Customer, wamid, "text", """{"body":"Does it come in another color?"}""")]);

        using var first = await PostAsync(Api, "whatsapp", body);
        using var second = await PostAsync(Api, "whatsapp", body);
        using var third = await PostAsync(Api, "whatsapp", other);

        Assert.All(new[] { first, second, third }, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal("processed", await WaitForEventStateAsync(Db, Encoding.UTF8.GetBytes(other)));
        await WaitForAsync<long>(Db, n => n == 0,
            "SELECT count(*) FROM webhook_events WHERE state = 'received' AND (body = $1 OR body = $2)", Encoding.UTF8.GetBytes(body), Encoding.UTF8.GetBytes(other));
        Assert.Equal(1L, await ScalarAsync<long>(Db, "SELECT count(*) FROM messages WHERE platform = 'whatsapp' AND external_id = $1", wamid));
        // One reply trigger: pending, or already answered by the agent when the machine is slow ('done').
        Assert.Equal(1L, await ScalarAsync<long>(Db, "SELECT count(*) FROM messages WHERE merchant_id = $1 AND reply_state IS NOT NULL", MerchantId));
    }

    [Fact]
    public async Task FiftyConcurrentFirstMessagesFromOneNewCustomerYieldOneConversation()
    {
        var ids = Enumerable.Range(0, 50).Select(_ => NewExternalId("wamid.")).ToList();

        var responses = await Task.WhenAll(ids.Select(id =>
            PostAsync(Api, "whatsapp", WhatsAppBody(PhoneNumberId, [Message(Customer, id, "text", """{"body":"hello"}""")]))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await WaitForAsync<long>(Db, n => n == 50, "SELECT count(*) FROM messages WHERE merchant_id = $1", MerchantId);
        Assert.Equal(1L, await ScalarAsync<long>(Db, "SELECT count(*) FROM conversations WHERE merchant_id = $1", MerchantId));
        Assert.Equal(1L, await ScalarAsync<long>(Db, "SELECT count(*) FROM customers WHERE merchant_id = $1", MerchantId));
        Assert.Equal(1L, await ScalarAsync<long>(Db, "SELECT count(DISTINCT conversation_id) FROM messages WHERE merchant_id = $1", MerchantId));
    }

    [Theory]
    [InlineData("disabled", true)]
    [InlineData("active", false)]
    public async Task MessagesOfAMerchantWhoseAiDoesNotAnswerAreStoredAlreadySkipped(string merchantStatus, bool aiEnabled)
    {
        // Skipped at ingestion: no turn is spent on them (a busy shop with its AI off used to cost the agent a turn per message).
        var phone = NewNumericId();
        var merchantId = await CreateMerchantWithChannelAsync(Db, "whatsapp", phone, status: merchantStatus);
        await using (var aiSwitch = Db.CreateCommand("UPDATE merchants SET ai_enabled = $2 WHERE id = $1"))
        {
            aiSwitch.Parameters.AddWithValue(merchantId);
            aiSwitch.Parameters.AddWithValue(aiEnabled);
            await aiSwitch.ExecuteNonQueryAsync();
        }

        var wamid = NewExternalId("wamid.");

        using var response = await PostAsync(Api, "whatsapp", WhatsAppBody(phone, [Message(Customer, wamid, "text", """{"body":"hi"}""")]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var state = await WaitForAsync<string>(Db, s => s is not null, "SELECT reply_state FROM messages WHERE platform = 'whatsapp' AND external_id = $1", wamid);
        Assert.Equal("skipped", state);
        Assert.Equal(merchantId, await ScalarAsync<Guid>(Db, "SELECT merchant_id FROM messages WHERE platform = 'whatsapp' AND external_id = $1", wamid));
    }

    [Fact]
    public async Task MessagesOfAConversationAPersonHandlesAreStoredAlreadySkipped()
    {
        // A conversation taken over costs the agent no turn per customer message. Its turns are paused for an hour here,
        // so the agent cannot be the one marking the message: only ingestion can.
        var phone = NewNumericId();
        await CreateMerchantWithChannelAsync(Db, "whatsapp", phone);
        var first = NewExternalId("wamid.");
        using (var opening = await PostAsync(Api, "whatsapp", WhatsAppBody(phone, [Message(Customer, first, "text", """{"body":"hi"}""")])))
        {
            Assert.Equal(HttpStatusCode.OK, opening.StatusCode);
        }

        const string StateSql = "SELECT reply_state FROM messages WHERE platform = 'whatsapp' AND external_id = $1";
        // The agent's turn on the first message is over (it ends the lease and clears any pause) before the takeover.
        await WaitForAsync<string>(Db, s => s is not null and not "pending", StateSql, first);
        await ExecuteAsync(Db, """
            UPDATE conversations SET status = 'human', turn_retry_at = now() + interval '1 hour'
            WHERE id = (SELECT conversation_id FROM messages WHERE platform = 'whatsapp' AND external_id = $1)
            """, first);

        var second = NewExternalId("wamid.");
        using var response = await PostAsync(Api, "whatsapp", WhatsAppBody(phone, [Message(Customer, second, "text", """{"body":"are you there?"}""")]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("skipped", await WaitForAsync<string>(Db, s => s is not null, StateSql, second));
    }

    [Fact]
    public async Task EventCommittedButNeverProcessedIsFoundAndProcessed()
    {
        // As if the API crashed right after the inbox commit: the row is 'received' and nobody was woken.
        var wamid = NewExternalId("wamid.");
        var body = Encoding.UTF8.GetBytes(WhatsAppBody(PhoneNumberId, [Message(Customer, wamid, "text", """{"body":"after a crash"}""")]));
        await using (var insert = Db.CreateCommand("INSERT INTO webhook_events (platform, body) VALUES ('whatsapp', $1)"))
        {
            insert.Parameters.AddWithValue(body);
            await insert.ExecuteNonQueryAsync();
        }

        Assert.Equal("after a crash", await WaitForAsync<string>(Db, t => t is not null,
            "SELECT text FROM messages WHERE platform = 'whatsapp' AND external_id = $1", wamid));
        Assert.Equal("processed", await WaitForEventStateAsync(Db, body));
    }
}
