using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using Xunit.Abstractions;
using static AiSales.Tests.Webhooks.WebhookTestClient;
using static AiSales.Tests.Webhooks.WebhookTestData;
using static AiSales.Tests.Webhooks.WhatsAppBodies;

namespace AiSales.Tests.Webhooks;

/// <summary>
/// Contract §4 rule 9: one customer's messages are stored and listed in the order the customer sent them (platform
/// timestamp, then arrival), whichever normaliser worker or API replica commits first.
/// </summary>
[Collection(WebhooksCollection.Name)]
public sealed class WebhookSendOrderTests(AppHostFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task InterleavedEventsThroughTwoReplicasWithManyWorkersAreListedInSendOrder()
    {
        await using var db = fixture.CreateDataSource();
        var shop = await CreateShopAsync(db);
        // A second API replica whose four workers normalise one event per transaction, beside the AppHost's API.
        var environment = fixture.ApiEnvironment();
        environment["Webhooks__ProcessorWorkers"] = "4";
        environment["Webhooks__ProcessorBatchSize"] = "1";
        await using var replica = ServiceProcess.Start("AiSales.Api", environment, http: true);
        using var replicaClient = await replica.WaitUntilAliveAsync(StartTimeout);
        using var appHostClient = fixture.CreateHttpClient("api");
        HttpClient[] replicas = [appHostClient, replicaClient];
        var (x, y) = (NewNumericId(11), NewNumericId(11));
        var start = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 600;
        // Customer x: 48 messages, two per second, each second split across two events (arrival breaks the tie);
        // customer y's messages are interleaved in the same bodies.
        var xIds = Enumerable.Range(0, 48).Select(_ => NewExternalId("wamid.")).ToList();
        var yIds = Enumerable.Range(0, 24).Select(_ => NewExternalId("wamid.")).ToList();

        for (var e = 0; e < 12; e++)
        {
            string X(int i) => Message(x, xIds[i], "text", $$"""{"body":"x{{i:00}}"}""", start + (i + 1) / 2);
            string Y(int j) => Message(y, yIds[j], "text", $$"""{"body":"y{{j:00}}"}""", start + j);
            var body = WhatsAppBody(shop.Phone, [X(4 * e), Y(2 * e), X(4 * e + 1), X(4 * e + 2), Y(2 * e + 1), X(4 * e + 3)]);
            // Sequential, as Meta delivers one customer's messages: each 200 means its event id is fixed.
            using var response = await PostAsync(replicas[e % 2], "whatsapp", body);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var xConversation = await WaitForConversationAsync(db, xIds, shop.MerchantId);
        var yConversation = await WaitForConversationAsync(db, yIds, shop.MerchantId);

        // Not asserted (it depends on scheduling): how often storage order differed from send order in this run.
        var storedBefore = await ScalarAsync<long>(db, """
            SELECT count(*) FROM (SELECT id < lag(id) OVER (ORDER BY sent_at, arrival, id) AS inverted FROM messages WHERE conversation_id = $1) s
            WHERE inverted
            """, xConversation);
        output.WriteLine($"{storedBefore} of 48 messages were stored before the message sent just before them.");
        using var merchant = MerchantClient(shop);
        Assert.Equal(Enumerable.Range(0, 48).Select(i => $"x{i:00}"), await ListTextsAsync(merchant, xConversation, pageSize: 7));
        Assert.Equal(Enumerable.Range(0, 24).Select(j => $"y{j:00}"), await ListTextsAsync(merchant, yConversation, pageSize: 5));
        Assert.Equal(Enumerable.Range(0, 48).Select(i => $"x{i:00}"), await ListTextsBackwardAsync(merchant, xConversation, pageSize: 7));
        var view = await GetJsonAsync(merchant, $"/api/conversations/{xConversation}");
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(start + 24), view.GetProperty("lastActivityAt").GetDateTimeOffset());
        Assert.Equal("x47", view.GetProperty("lastMessage").GetString());
    }

    [Fact]
    public async Task AMessageCommittedBeforeAnEarlierOneIsStillListedAfterIt()
    {
        await using var db = fixture.CreateDataSource();
        var shop = await CreateShopAsync(db);
        var customer = NewNumericId(11);
        var second = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60;
        var (first, next, earlier) = (NewExternalId("wamid."), NewExternalId("wamid."), NewExternalId("wamid."));
        byte[] Body(string wamid, string text, long timestamp) =>
            Encoding.UTF8.GetBytes(WhatsAppBody(shop.Phone, [Message(customer, wamid, "text", $$"""{"body":"{{text}}"}""", timestamp)]));

        // Replica A stores the first event but has not committed it; replica B stores and commits the next one, sent
        // in the same second, then a third sent a second earlier: both are normalised before the first exists.
        await using var heldConnection = await db.OpenConnectionAsync();
        await using var held = await heldConnection.BeginTransactionAsync();
        long firstEventId;
        await using (var insert = new NpgsqlCommand("INSERT INTO webhook_events (platform, body) VALUES ('whatsapp', $1) RETURNING id", heldConnection, held))
        {
            insert.Parameters.AddWithValue(Body(first, "first", second));
            firstEventId = (long)(await insert.ExecuteScalarAsync())!;
        }

        await InsertEventAsync(db, Body(next, "next", second));
        var nextId = await WaitForMessageAsync(db, next);
        await InsertEventAsync(db, Body(earlier, "earlier", second - 1));
        await WaitForMessageAsync(db, earlier);
        await held.CommitAsync();
        var firstId = await WaitForMessageAsync(db, first);

        Assert.True(firstId > nextId, "the first message should have been stored after the next one");
        Assert.Equal(firstEventId * 4096, await ScalarAsync<long>(db, "SELECT arrival FROM messages WHERE external_id = $1", first));
        var conversation = await ScalarAsync<Guid>(db, "SELECT conversation_id FROM messages WHERE external_id = $1", first);
        using var merchant = MerchantClient(shop);
        Assert.Equal(["earlier", "first", "next"], await ListTextsAsync(merchant, conversation, pageSize: 1));
        Assert.Equal(["earlier", "first", "next"], await ListTextsBackwardAsync(merchant, conversation, pageSize: 1));
        Assert.Equal(["first", "next"], (await GetJsonAsync(merchant, $"/api/conversations/{conversation}/messages?before=0&limit=2"))
            .GetProperty("items").EnumerateArray().Select(m => m.GetProperty("text").GetString()));
        Assert.Equal("next", (await GetJsonAsync(merchant, $"/api/conversations/{conversation}")).GetProperty("lastMessage").GetString());
    }

    private sealed record Shop(Guid MerchantId, string ApiKey, string Phone);

    /// <summary>A merchant made through the admin API (for its key), its WhatsApp channel, and its AI off: nothing replies.</summary>
    private async Task<Shop> CreateShopAsync(NpgsqlDataSource db)
    {
        using var admin = fixture.CreateHttpClient("api");
        admin.DefaultRequestHeaders.Add("X-Admin-Key", AppHostFixture.AdminApiKey);
        using var timeout = new CancellationTokenSource(WaitTimeout);
        using var created = await admin.PostAsJsonAsync("/api/admin/merchants", new { name = "Send order shop" }, timeout.Token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
        var merchantId = body.GetProperty("id").GetGuid();
        var phone = NewNumericId();
        await ConnectChannelAsync(db, merchantId, "whatsapp", phone);
        await using var aiOff = db.CreateCommand("UPDATE merchants SET ai_enabled = false WHERE id = $1");
        aiOff.Parameters.AddWithValue(merchantId);
        await aiOff.ExecuteNonQueryAsync(timeout.Token);
        return new Shop(merchantId, body.GetProperty("apiKey").GetString()!, phone);
    }

    private HttpClient MerchantClient(Shop shop)
    {
        var client = fixture.CreateHttpClient("api");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", shop.ApiKey);
        return client;
    }

    private static async Task InsertEventAsync(NpgsqlDataSource db, byte[] body)
    {
        await using var insert = db.CreateCommand("INSERT INTO webhook_events (platform, body) VALUES ('whatsapp', $1)");
        insert.Parameters.AddWithValue(body);
        await insert.ExecuteNonQueryAsync();
    }

    private static Task<long> WaitForMessageAsync(NpgsqlDataSource db, string wamid) =>
        WaitForAsync<long>(db, id => id > 0, "SELECT id FROM messages WHERE platform = 'whatsapp' AND external_id = $1", wamid);

    private static async Task<Guid> WaitForConversationAsync(NpgsqlDataSource db, List<string> wamids, Guid merchantId)
    {
        await WaitForAsync<long>(db, n => n == wamids.Count,
            "SELECT count(*) FROM messages WHERE platform = 'whatsapp' AND external_id = ANY($1) AND merchant_id = $2", wamids.ToArray(), merchantId);
        return await ScalarAsync<Guid>(db, "SELECT conversation_id FROM messages WHERE platform = 'whatsapp' AND external_id = $1", wamids[0]);
    }

    /// <summary>Every message's text, page by page through nextAfter, so the cursor is exercised too.</summary>
    private static async Task<List<string>> ListTextsAsync(HttpClient merchant, Guid conversationId, int pageSize)
    {
        var texts = new List<string>();
        long? after = 0;
        while (after is not null)
        {
            var page = await GetJsonAsync(merchant, $"/api/conversations/{conversationId}/messages?limit={pageSize}&after={after}");
            texts.AddRange(page.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("text").GetString()!));
            after = page.GetProperty("nextAfter").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextAfter").GetInt64();
        }

        return texts;
    }

    /// <summary>
    /// Every message's text as the console reads them: the newest page (before=0), then older pages through nextBefore,
    /// each page oldest first; put back together, the same send order.
    /// </summary>
    private static async Task<List<string>> ListTextsBackwardAsync(HttpClient merchant, Guid conversationId, int pageSize)
    {
        var texts = new List<string>();
        long? before = 0;
        while (before is not null)
        {
            var page = await GetJsonAsync(merchant, $"/api/conversations/{conversationId}/messages?limit={pageSize}&before={before}");
            texts.InsertRange(0, page.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("text").GetString()!));
            Assert.Equal(JsonValueKind.Null, page.GetProperty("nextAfter").ValueKind);
            before = page.GetProperty("nextBefore").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextBefore").GetInt64();
        }

        return texts;
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        using var timeout = new CancellationTokenSource(WaitTimeout);
        using var response = await client.GetAsync(url, timeout.Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode} {await response.Content.ReadAsStringAsync(timeout.Token)}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
    }
}
