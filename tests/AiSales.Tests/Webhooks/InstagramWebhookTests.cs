using System.Net;
using System.Text;
using Npgsql;
using static AiSales.Tests.Webhooks.WebhookTestClient;
using static AiSales.Tests.Webhooks.WebhookTestData;

namespace AiSales.Tests.Webhooks;

[Collection(WebhooksCollection.Name)]
public sealed class InstagramWebhookTests(AppHostFixture fixture) : IAsyncLifetime
{
    private const string TextMid = "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDAw";
    private const string ImageMid = "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDAx";
    private const string MentionMid = "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDAy";
    private const string StoryReplyMid = "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDAz";
    private const string EchoMid = "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDA0";
    private const string PostbackMid = "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDA1";

    private NpgsqlDataSource _db = null!;
    private HttpClient _api = null!;
    private string _account = "";
    private string _customer = "";
    private Guid _merchantId;
    private readonly Dictionary<string, string> _mids = [];

    public async Task InitializeAsync()
    {
        _db = fixture.CreateDataSource();
        _api = fixture.CreateHttpClient("api");
        _account = NewNumericId(17);
        _customer = NewNumericId(16);
        _merchantId = await CreateMerchantWithChannelAsync(_db, "instagram", _account);
        foreach (var mid in new[] { TextMid, ImageMid, MentionMid, StoryReplyMid, EchoMid, PostbackMid })
        {
            _mids[mid] = NewExternalId("mid.");
        }
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _db.DisposeAsync();
    }

    private string Body(string file) => Fixture(file, new Dictionary<string, string>(_mids)
    {
        [FixtureInstagramAccount] = _account,
        [FixtureInstagramCustomer] = _customer,
    });

    private async Task<string> PostAndProcessAsync(string file)
    {
        var body = Body(file);
        using var response = await PostAsync(_api, "instagram", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await WaitForEventStateAsync(_db, Encoding.UTF8.GetBytes(body)))!;
    }

    [Theory]
    [InlineData("instagram-text.json", TextMid, "text", "Hi! Is the black bag in stock?")]
    [InlineData("instagram-image.json", ImageMid, "image", null)]
    [InlineData("instagram-story-reply.json", StoryReplyMid, "story_reply", "How much is this?")]
    [InlineData("instagram-story-mention.json", MentionMid, "story_mention", null)]
    [InlineData("instagram-postback.json", PostbackMid, "postback", "Show new arrivals")]
    public async Task EachCustomerFixtureProducesOnePendingCustomerMessage(string file, string fixtureMid, string kind, string? text)
    {
        Assert.Equal("processed", await PostAndProcessAsync(file));

        await using var command = _db.CreateCommand("""
            SELECT m.kind, m.text, m.author, m.reply_state, c.customer_instagram, c.last_customer_message_at, m.payload::text
            FROM messages m JOIN conversations c ON c.id = m.conversation_id
            WHERE m.platform = 'instagram' AND m.external_id = $1
            """);
        command.Parameters.AddWithValue(_mids[fixtureMid]);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(kind, reader.GetString(0));
        Assert.Equal(text, reader.IsDBNull(1) ? null : reader.GetString(1));
        Assert.Equal("customer", reader.GetString(2));
        Assert.Equal("pending", reader.GetString(3));
        Assert.Equal(_customer, reader.GetString(4));
        Assert.False(reader.IsDBNull(5)); // the 24 h window is open (story mentions included)
        var payload = reader.GetString(6);
        switch (kind)
        {
            case "image":
                Assert.Contains("asset_id=1", payload);
                break;
            case "story_reply":
                Assert.Contains("17900000000000001", payload);
                break;
            case "story_mention":
                Assert.Contains("asset_id=2", payload);
                break;
            case "postback":
                Assert.Contains("NEW_ARRIVALS", payload);
                break;
        }

        Assert.False(await reader.ReadAsync());
    }

    [Fact]
    public async Task ReactionIsStoredOnTheReactedMessageNotAsANewMessage()
    {
        await SeedOutboundAsync(_db, _merchantId, "instagram", _customer, _mids[EchoMid], "Thanks for your order!");

        Assert.Equal("processed", await PostAndProcessAsync("instagram-reaction.json"));

        Assert.Equal("❤️", await ScalarAsync<string>(_db, "SELECT reaction FROM messages WHERE platform = 'instagram' AND external_id = $1", _mids[EchoMid]));
        Assert.Equal(1L, await ScalarAsync<long>(_db, "SELECT count(*) FROM messages WHERE merchant_id = $1", _merchantId));
    }

    [Fact]
    public async Task UnsendMarksTheMessageDeleted()
    {
        Assert.Equal("processed", await PostAndProcessAsync("instagram-text.json"));
        Assert.Equal("processed", await PostAndProcessAsync("instagram-unsend.json"));

        Assert.True(await ScalarAsync<bool>(_db, "SELECT is_deleted FROM messages WHERE platform = 'instagram' AND external_id = $1", _mids[TextMid]));
        Assert.Equal(1L, await ScalarAsync<long>(_db, "SELECT count(*) FROM messages WHERE merchant_id = $1", _merchantId));
    }

    [Fact]
    public async Task ReadReceiptMarksOurMessagesUpToTheMidAsRead()
    {
        var (earlier, _, _) = await SeedOutboundAsync(_db, _merchantId, "instagram", _customer, NewExternalId("mid."), "Welcome!");
        var (readOne, _, _) = await SeedOutboundAsync(_db, _merchantId, "instagram", _customer, _mids[EchoMid], "Thanks for your order!");
        var (later, _, _) = await SeedOutboundAsync(_db, _merchantId, "instagram", _customer, NewExternalId("mid."), "Anything else?");

        Assert.Equal("processed", await PostAndProcessAsync("instagram-read.json"));

        Assert.Equal("read", await ScalarAsync<string>(_db, "SELECT delivery_status FROM messages WHERE id = $1", earlier));
        Assert.Equal("read", await ScalarAsync<string>(_db, "SELECT delivery_status FROM messages WHERE id = $1", readOne));
        Assert.Equal("sent", await ScalarAsync<string>(_db, "SELECT delivery_status FROM messages WHERE id = $1", later));
    }

    [Fact]
    public async Task EchoOfAMessageWeSentIsMatchedNotDuplicated()
    {
        var (messageId, _, _) = await SeedOutboundAsync(_db, _merchantId, "instagram", _customer, _mids[EchoMid], "Thanks for your order!", deliveryStatus: "pending");

        Assert.Equal("processed", await PostAndProcessAsync("instagram-echo.json"));

        Assert.Equal(1L, await ScalarAsync<long>(_db, "SELECT count(*) FROM messages WHERE merchant_id = $1", _merchantId));
        Assert.Equal("sent", await ScalarAsync<string>(_db, "SELECT delivery_status FROM messages WHERE id = $1", messageId));
    }

    [Fact]
    public async Task EchoThatBeatsTheSendResponseCompletesTheSendingDelivery()
    {
        var (messageId, deliveryId, _) = await SeedOutboundAsync(_db, _merchantId, "instagram", _customer, null, "Thanks for your order!",
            deliveryStatus: "pending", deliveryState: "sending");

        Assert.Equal("processed", await PostAndProcessAsync("instagram-echo.json"));

        Assert.Equal(1L, await ScalarAsync<long>(_db, "SELECT count(*) FROM messages WHERE merchant_id = $1", _merchantId));
        Assert.Equal(_mids[EchoMid], await ScalarAsync<string>(_db, "SELECT external_id FROM outbound_deliveries WHERE id = $1", deliveryId));
        Assert.Equal("sent", await ScalarAsync<string>(_db, "SELECT state FROM outbound_deliveries WHERE id = $1", deliveryId));
        Assert.Equal(_mids[EchoMid], await ScalarAsync<string>(_db, "SELECT external_id FROM messages WHERE id = $1", messageId));
    }

    [Fact]
    public async Task EchoRepairsADeliveryGivenUpAsOutcomeUnknown()
    {
        // As DeliveryStore.AbandonUnknownAsync leaves a send whose outcome was never learnt: failed, not resent.
        var (messageId, deliveryId, _) = await SeedOutboundAsync(_db, _merchantId, "instagram", _customer, null, "Thanks for your order!",
            deliveryStatus: "failed", deliveryState: "failed");
        await using (var given = _db.CreateCommand("UPDATE outbound_deliveries SET outcome_unknown = true, error_message = 'Outcome unknown: not resent' WHERE id = $1"))
        {
            given.Parameters.AddWithValue(deliveryId);
            await given.ExecuteNonQueryAsync();
        }

        await using (var title = _db.CreateCommand("UPDATE messages SET error_title = 'Outcome unknown; not resent' WHERE id = $1"))
        {
            title.Parameters.AddWithValue(messageId);
            await title.ExecuteNonQueryAsync();
        }

        // Meta's echo of that very text to that customer proves it arrived: the merchant sees it sent, once.
        Assert.Equal("processed", await PostAndProcessAsync("instagram-echo.json"));

        Assert.Equal(1L, await ScalarAsync<long>(_db, "SELECT count(*) FROM messages WHERE merchant_id = $1", _merchantId));
        Assert.Equal("sent", await ScalarAsync<string>(_db, "SELECT delivery_status FROM messages WHERE id = $1", messageId));
        Assert.Null(await ScalarAsync<string>(_db, "SELECT error_title FROM messages WHERE id = $1", messageId));
        Assert.Equal(_mids[EchoMid], await ScalarAsync<string>(_db, "SELECT external_id FROM messages WHERE id = $1", messageId));
        Assert.Equal("sent", await ScalarAsync<string>(_db, "SELECT state FROM outbound_deliveries WHERE id = $1", deliveryId));
        Assert.False(await ScalarAsync<bool>(_db, "SELECT outcome_unknown FROM outbound_deliveries WHERE id = $1", deliveryId));
        Assert.Null(await ScalarAsync<string>(_db, "SELECT error_message FROM outbound_deliveries WHERE id = $1", deliveryId));
    }

    [Fact]
    public async Task EchoOfAMessageTypedInMetasAppIsStoredAsMerchantAppAndTriggersNothing()
    {
        Assert.Equal("processed", await PostAndProcessAsync("instagram-echo.json"));
        Assert.Equal("processed", await PostAndProcessAsync("instagram-echo.json"));

        await using var command = _db.CreateCommand("SELECT author, direction, reply_state, text FROM messages WHERE merchant_id = $1");
        command.Parameters.AddWithValue(_merchantId);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("merchant_app", reader.GetString(0));
        Assert.Equal("outbound", reader.GetString(1));
        Assert.True(reader.IsDBNull(2));
        Assert.Equal("Thanks for your order!", reader.GetString(3));
        Assert.False(await reader.ReadAsync());
        Assert.Null(await ScalarAsync<DateTime?>(_db, "SELECT last_customer_message_at FROM conversations WHERE merchant_id = $1", _merchantId));
    }

    [Fact]
    public async Task UnknownAccountFallsBackToTheRecipientId()
    {
        var body = Body("instagram-text.json").Replace($"\"id\": \"{_account}\",\n      \"time\"", "\"id\": \"999\",\n      \"time\"", StringComparison.Ordinal);
        Assert.Contains("\"999\"", body);

        using var response = await PostAsync(_api, "instagram", body);

        Assert.Equal("processed", await WaitForEventStateAsync(_db, Encoding.UTF8.GetBytes(body)));
        Assert.Equal(_merchantId, await ScalarAsync<Guid>(_db, "SELECT merchant_id FROM messages WHERE platform = 'instagram' AND external_id = $1", _mids[TextMid]));
    }
}
