using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using StackExchange.Redis;
using static AiSales.Tests.MerchantApi.MerchantApiTestData;

namespace AiSales.Tests.MerchantApi;

[Collection(MerchantApiCollection.Name)]
public sealed class MerchantConversationsTests(MerchantApiFixture fixture)
{
    [Fact]
    public async Task ConversationsAreNewestActivityFirstFilteredAndCursorPaged()
    {
        var merchant = await CreateMerchantAsync(fixture.Api);
        using var client = fixture.Api.CreateMerchantClient(merchant.ApiKey);
        await using var db = fixture.Platform.CreateDataSource();
        var seeded = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            // i = 0 is the oldest activity.
            seeded.Add((await SeedConversationAsync(db, merchant.Id, i % 2 == 0 ? "whatsapp" : "instagram",
                TimeSpan.FromHours(1), activityAgo: TimeSpan.FromMinutes(50 - i))).Id);
        }

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var url = "/api/conversations?limit=2" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            var page = await (await client.GetAsync(url, Timeout())).ReadJsonAsync();
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(Enumerable.Reverse(seeded), seen);
        var instagram = await (await client.GetAsync("/api/conversations?platform=instagram", Timeout())).ReadJsonAsync();
        Assert.Equal([seeded[3], seeded[1]], instagram.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
        var first = instagram.GetProperty("items")[0];
        Assert.Equal("ai", first.GetProperty("status").GetString());
        Assert.Equal("Test Customer", first.GetProperty("customer").GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/conversations?cursor=nonsense", Timeout())).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/conversations?status=closed", Timeout())).StatusCode);
    }

    [Fact]
    public async Task HandoffToHumanAndBackResetsTheFailedTurns()
    {
        var merchant = await CreateMerchantAsync(fixture.Api);
        using var client = fixture.Api.CreateMerchantClient(merchant.ApiKey);
        await using var db = fixture.Platform.CreateDataSource();
        var conversation = await SeedConversationAsync(db, merchant.Id, "whatsapp", TimeSpan.FromMinutes(3));
        await ExecuteAsync(db, "UPDATE conversations SET ai_failed_turns = 2 WHERE id = $1", conversation.Id);

        using var toHuman = await client.PostAsJsonAsync($"/api/conversations/{conversation.Id}/handoff", new { to = "human" }, Timeout());
        Assert.Equal(HttpStatusCode.OK, toHuman.StatusCode);
        var human = await toHuman.ReadJsonAsync();
        Assert.Equal("human", human.GetProperty("status").GetString());
        Assert.Equal("merchant", human.GetProperty("handoffReason").GetString());

        using var toAi = await client.PostAsJsonAsync($"/api/conversations/{conversation.Id}/handoff", new { to = "ai" }, Timeout());
        Assert.Equal("ai", (await toAi.ReadJsonAsync()).GetProperty("status").GetString());
        await using var turns = db.CreateCommand("SELECT ai_failed_turns FROM conversations WHERE id = $1");
        turns.Parameters.AddWithValue(conversation.Id);
        Assert.Equal(0, (int)(await turns.ExecuteScalarAsync())!);

        using var invalid = await client.PostAsJsonAsync($"/api/conversations/{conversation.Id}/handoff", new { to = "robot" }, Timeout());
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    [Fact]
    public async Task HumanReplyIsStoredAsPendingOutboundMessageWithDeliveryAndNudgesTheSender()
    {
        var merchant = await CreateMerchantAsync(fixture.Api);
        using var client = fixture.Api.CreateMerchantClient(merchant.ApiKey);
        await ConnectChannelAsync(client, "whatsapp");
        await using var db = fixture.Platform.CreateDataSource();
        var conversation = await SeedConversationAsync(db, merchant.Id, "whatsapp", TimeSpan.FromHours(2));
        await using var redis = await ConnectionMultiplexer.ConnectAsync(fixture.Platform.RedisConnectionString);
        var nudges = await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(AiSales.Core.Messaging.OutboundQueue.NudgeChannel));

        using var response = await client.PostAsJsonAsync($"/api/conversations/{conversation.Id}/messages", new { text = "نعم متوفرة ✅" }, Timeout());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var message = await response.ReadJsonAsync();
        Assert.Equal("outbound", message.GetProperty("direction").GetString());
        Assert.Equal("human", message.GetProperty("author").GetString());
        Assert.Equal("pending", message.GetProperty("deliveryStatus").GetString());
        var delivery = await ReadDeliveryAsync(db, message.GetProperty("id").GetInt64());
        Assert.Equal(conversation.Handle, delivery.Recipient);
        Assert.Equal("نعم متوفرة ✅", delivery.Body);
        Assert.False(delivery.HumanAgentTag);
        Assert.Equal(merchant.Id, delivery.MerchantId);
        using var nudgeTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var nudge = await nudges.ReadAsync(nudgeTimeout.Token);
        Assert.Equal(delivery.Id.ToString(), nudge.Message.ToString());

        var messages = await (await client.GetAsync($"/api/conversations/{conversation.Id}/messages", Timeout())).ReadJsonAsync();
        Assert.Equal(["inbound", "outbound"], messages.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("direction").GetString()));
    }

    [Fact]
    public async Task InstagramHumanReplyBetweenOneAndSevenDaysCarriesTheHumanAgentTag()
    {
        var merchant = await CreateMerchantAsync(fixture.Api);
        using var client = fixture.Api.CreateMerchantClient(merchant.ApiKey);
        await ConnectChannelAsync(client, "instagram");
        await using var db = fixture.Platform.CreateDataSource();
        var recent = await SeedConversationAsync(db, merchant.Id, "instagram", TimeSpan.FromHours(3));
        var older = await SeedConversationAsync(db, merchant.Id, "instagram", TimeSpan.FromDays(3));
        var closed = await SeedConversationAsync(db, merchant.Id, "instagram", TimeSpan.FromDays(8));

        var recentReply = await ReplyAsync(client, recent.Id);
        var olderReply = await ReplyAsync(client, older.Id);
        using var closedReply = await client.PostAsJsonAsync($"/api/conversations/{closed.Id}/messages", new { text = "hi" }, Timeout());

        Assert.False((await ReadDeliveryAsync(db, recentReply)).HumanAgentTag);
        var tagged = await ReadDeliveryAsync(db, olderReply);
        Assert.True(tagged.HumanAgentTag);
        Assert.Equal(older.Handle, tagged.Recipient);
        Assert.Equal(HttpStatusCode.Conflict, closedReply.StatusCode);
        Assert.Contains("7-day", (await closedReply.ReadJsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task HumanReplyIsRefusedWhenTheWindowIsClosedOrTheChannelIsMissingOrDisconnectedAsTheConversationSays()
    {
        var merchant = await CreateMerchantAsync(fixture.Api);
        using var client = fixture.Api.CreateMerchantClient(merchant.ApiKey);
        await using var db = fixture.Platform.CreateDataSource();
        var conversation = await SeedConversationAsync(db, merchant.Id, "whatsapp", TimeSpan.FromHours(1));
        var stale = await SeedConversationAsync(db, merchant.Id, "whatsapp", TimeSpan.FromHours(25));

        using var noChannel = await client.PostAsJsonAsync($"/api/conversations/{conversation.Id}/messages", new { text = "hi" }, Timeout());
        var connectedBefore = await ChannelConnectedAsync(client, conversation.Id);
        await ConnectChannelAsync(client, "whatsapp");
        var connectedAfter = await ChannelConnectedAsync(client, conversation.Id);
        using var windowClosed = await client.PostAsJsonAsync($"/api/conversations/{stale.Id}/messages", new { text = "hi" }, Timeout());
        await ExecuteAsync(db, "UPDATE channels SET status = 'disconnected' WHERE merchant_id = $1", merchant.Id);
        using var disconnected = await client.PostAsJsonAsync($"/api/conversations/{conversation.Id}/messages", new { text = "hi" }, Timeout());
        using var empty = await client.PostAsJsonAsync($"/api/conversations/{conversation.Id}/messages", new { text = " " }, Timeout());
        var connectedOnceDisconnected = await ChannelConnectedAsync(client, conversation.Id);

        Assert.Equal(HttpStatusCode.Conflict, noChannel.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, windowClosed.StatusCode);
        Assert.Contains("24-hour", (await windowClosed.ReadJsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Conflict, disconnected.StatusCode);
        Assert.Contains("disconnected", (await disconnected.ReadJsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        // What a client shows before it sends (the console's reply box): the same rule as the send's.
        Assert.Equal((false, true, false), (connectedBefore, connectedAfter, connectedOnceDisconnected));
        await using var count = db.CreateCommand("SELECT count(*) FROM outbound_deliveries WHERE merchant_id = $1");
        count.Parameters.AddWithValue(merchant.Id);
        Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
    }

    private static async Task<bool> ChannelConnectedAsync(HttpClient client, Guid conversationId)
    {
        using var response = await client.GetAsync($"/api/conversations/{conversationId}", Timeout());
        return (await response.ReadJsonAsync()).GetProperty("channelConnected").GetBoolean();
    }

    private static async Task<long> ReplyAsync(HttpClient client, Guid conversationId)
    {
        using var response = await client.PostAsJsonAsync($"/api/conversations/{conversationId}/messages", new { text = "Still available" }, Timeout());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetInt64();
    }

    private sealed record Delivery(Guid Id, Guid MerchantId, string Recipient, string Body, bool HumanAgentTag);

    private static async Task<Delivery> ReadDeliveryAsync(NpgsqlDataSource db, long messageId)
    {
        await using var command = db.CreateCommand("""
            SELECT d.id, d.merchant_id, d.recipient, d.body, d.human_agent_tag
            FROM outbound_deliveries d JOIN channels c ON c.id = d.channel_id AND c.merchant_id = d.merchant_id AND c.platform = d.platform
            WHERE d.message_id = $1
            """);
        command.Parameters.AddWithValue(messageId);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "No outbound delivery on the merchant's channel for that message.");
        return new Delivery(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetBoolean(4));
    }

    private static async Task ExecuteAsync(NpgsqlDataSource db, string sql, Guid id)
    {
        await using var command = db.CreateCommand(sql);
        command.Parameters.AddWithValue(id);
        await command.ExecuteNonQueryAsync();
    }
}
