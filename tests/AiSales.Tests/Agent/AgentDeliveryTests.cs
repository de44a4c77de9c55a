namespace AiSales.Tests.Agent;

/// <summary>Graph API error handling by code, through the AppHost's agent and the fake Graph.</summary>
[Collection(AgentCollection.Name)]
public sealed class AgentDeliveryTests(AgentFixture fixture)
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    private async Task<AgentShop> ShopAsync(string platform = "whatsapp")
    {
        var shop = await AgentTestData.CreateShopAsync(fixture.DataSource, fixture.Secrets, platform);
        await AgentTestData.AddProductAsync(fixture.DataSource, shop.MerchantId, "KAF-BLUE", "Blue Kaftan", 149.50m);
        return shop;
    }

    [Fact]
    public async Task ServerErrorThenSuccessGivesOneDelivery()
    {
        var shop = await ShopAsync();
        fixture.Graph.FailNext(shop.AccountId, 500, code: 2);

        var inbound = await AgentTestData.SimulateInboundAsync(fixture.DataSource, fixture.Redis, shop, AgentTestData.NewCustomer("whatsapp"), "price of blue kaftan?");
        var requests = await fixture.Graph.WaitForAsync(shop.AccountId, 2, s_timeout);
        await AgentTestData.WaitUntilAsync(async () => (await AgentTestData.DeliveriesAsync(fixture.DataSource, inbound.ConversationId)).All(d => d.State == "sent"),
            s_timeout, "the delivery sent");

        Assert.Equal([500, 200], requests.Select(r => r.StatusCode));
        var delivery = Assert.Single(await AgentTestData.DeliveriesAsync(fixture.DataSource, inbound.ConversationId));
        Assert.Equal(1, delivery.Attempts); // retried inside one attempt by the resilience pipeline
        await Task.Delay(1000);
        Assert.Equal(2, fixture.Graph.For(shop.AccountId).Count);
    }

    [Fact]
    public async Task ThrottledSendIsRescheduledAndSentLater()
    {
        var shop = await ShopAsync();
        fixture.Graph.FailNext(shop.AccountId, 400, code: 130429, retryAfter: "1");

        var inbound = await AgentTestData.SimulateInboundAsync(fixture.DataSource, fixture.Redis, shop, AgentTestData.NewCustomer("whatsapp"), "price of blue kaftan?");
        await fixture.Graph.WaitForAsync(shop.AccountId, 1, s_timeout);
        await AgentTestData.WaitUntilAsync(async () => (await AgentTestData.DeliveriesAsync(fixture.DataSource, inbound.ConversationId)) is [{ State: "pending", ErrorCode: 130429 }],
            s_timeout, "the delivery rescheduled");

        var requests = await fixture.Graph.WaitForAsync(shop.AccountId, 2, s_timeout);
        await AgentTestData.WaitUntilAsync(async () => (await AgentTestData.DeliveriesAsync(fixture.DataSource, inbound.ConversationId)) is [{ State: "sent" }],
            s_timeout, "the delivery sent");

        Assert.Equal([400, 200], requests.Select(r => r.StatusCode));
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromSeconds(0.9), "the retry waited (Retry-After / back-off)");
        Assert.Equal(2, (await AgentTestData.DeliveriesAsync(fixture.DataSource, inbound.ConversationId))[0].Attempts);
    }

    [Fact]
    public async Task WhenGraphAnswersAgainTheRepliesItHeldBackGoOutAtOnceNotAtTheEndOfTheirBackOff()
    {
        var shop = await ShopAsync();
        fixture.Graph.FailNext(shop.AccountId, 400, code: 130429, retryAfter: "600");
        var throttled = await AgentTestData.SimulateInboundAsync(fixture.DataSource, fixture.Redis, shop, AgentTestData.NewCustomer("whatsapp"), "price of blue kaftan?");
        await AgentTestData.WaitUntilAsync(async () => (await AgentTestData.DeliveriesAsync(fixture.DataSource, throttled.ConversationId)) is [{ State: "pending", ErrorCode: 130429 }],
            s_timeout, "the throttled delivery rescheduled");

        // An outage: the reply fails with 500s and waits for its back-off, which after a long outage is minutes.
        fixture.Graph.Outage(shop.AccountId, on: true);
        var held = await AgentTestData.SimulateInboundAsync(fixture.DataSource, fixture.Redis, shop, AgentTestData.NewCustomer("whatsapp"), "price of blue kaftan?");
        await AgentTestData.WaitUntilAsync(async () => await PostponeAsync(held.ConversationId, errorCode: 2) == 1, s_timeout, "the held-back delivery postponed");

        fixture.Graph.Outage(shop.AccountId, on: false);
        var fresh = await AgentTestData.SimulateInboundAsync(fixture.DataSource, fixture.Redis, shop, AgentTestData.NewCustomer("whatsapp"), "price of blue kaftan?");
        await AgentTestData.WaitUntilAsync(async () => (await AgentTestData.DeliveriesAsync(fixture.DataSource, fresh.ConversationId)) is [{ State: "sent" }],
            s_timeout, "the first reply after the outage sent");
        await AgentTestData.WaitUntilAsync(async () => (await AgentTestData.DeliveriesAsync(fixture.DataSource, held.ConversationId)) is [{ State: "sent" }],
            s_timeout, "the held-back reply sent although its back-off had 10 minutes to run");

        // Throttling is not an outage: that delivery keeps Meta's Retry-After.
        Assert.True((await AgentTestData.DeliveriesAsync(fixture.DataSource, throttled.ConversationId)) is [{ State: "pending", ErrorCode: 130429, Attempts: 1 }]);
    }

    /// <summary>A delivery waiting after a failure with this code is made to wait 10 minutes more; 0 while it is being sent.</summary>
    private async Task<int> PostponeAsync(Guid conversationId, int errorCode)
    {
        await using var command = fixture.DataSource.CreateCommand("""
            UPDATE outbound_deliveries SET next_attempt_at = now() + interval '10 minutes'
            WHERE conversation_id = $1 AND state = 'pending' AND error_code = $2
            """);
        command.Parameters.AddWithValue(conversationId);
        command.Parameters.AddWithValue(errorCode);
        return await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task WindowClosedErrorFailsTheDeliveryWithoutRetry()
    {
        var shop = await ShopAsync();
        fixture.Graph.FailNext(shop.AccountId, 400, code: 131047);

        var inbound = await AgentTestData.SimulateInboundAsync(fixture.DataSource, fixture.Redis, shop, AgentTestData.NewCustomer("whatsapp"), "price of blue kaftan?");
        await AgentTestData.WaitUntilAsync(async () => (await AgentTestData.DeliveriesAsync(fixture.DataSource, inbound.ConversationId)) is [{ State: "failed" }],
            s_timeout, "the delivery failed");
        await Task.Delay(3000);

        Assert.Single(fixture.Graph.For(shop.AccountId));
        Assert.Equal("failed", await AgentTestData.ScalarAsync<string>(fixture.DataSource,
            "SELECT delivery_status FROM messages WHERE conversation_id = $1 AND direction = 'outbound'", inbound.ConversationId));
        Assert.Equal(131047, await AgentTestData.ScalarAsync<int>(fixture.DataSource,
            "SELECT error_code FROM messages WHERE conversation_id = $1 AND direction = 'outbound'", inbound.ConversationId));
        // Meta said no for good: the merchant sees it, and the AI stays on for the customer's next message.
        Assert.Equal("ai", await AgentTestData.ScalarAsync<string>(fixture.DataSource,
            "SELECT status FROM conversations WHERE id = $1", inbound.ConversationId));
    }

    [Fact]
    public async Task ExpiredTokenDisconnectsTheChannelAndStopsSends()
    {
        var shop = await ShopAsync("instagram");
        fixture.Graph.FailNext(shop.AccountId, 401, code: 190);
        var customer = AgentTestData.NewCustomer("instagram");

        await AgentTestData.SimulateInboundAsync(fixture.DataSource, fixture.Redis, shop, customer, "price of blue kaftan?");
        await AgentTestData.WaitUntilAsync(async () => await AgentTestData.ScalarAsync<string>(fixture.DataSource,
            "SELECT status FROM channels WHERE id = $1", shop.ChannelId) == "disconnected", s_timeout, "the channel disconnected");

        var later = await AgentTestData.SimulateInboundAsync(fixture.DataSource, fixture.Redis, shop, customer, "hello, anyone?");
        await AgentTestData.WaitUntilAsync(async () => await AgentTestData.ScalarAsync<string>(fixture.DataSource,
            "SELECT reply_state FROM messages WHERE id = $1", later.MessageId) == "done", s_timeout, "the later message answered (queued)");
        await Task.Delay(2000);

        Assert.Single(fixture.Graph.For(shop.AccountId));
        Assert.All(await AgentTestData.DeliveriesAsync(fixture.DataSource, later.ConversationId), d => Assert.Equal("pending", d.State));
    }

    [Fact]
    public async Task InstagramHumanReplyAfter24HoursCarriesTheHumanAgentTag()
    {
        var shop = await ShopAsync("instagram");
        var customer = AgentTestData.NewCustomer("instagram");

        var deliveryId = await AgentTestData.QueueReplyAsync(fixture.DataSource, shop, customer, "human", "Sorry for the wait!", TimeSpan.FromDays(3));
        var sent = (await fixture.Graph.WaitForAsync(shop.AccountId, 1, s_timeout)).Single();

        Assert.Equal("MESSAGE_TAG", sent.Body["messaging_type"]!.GetValue<string>());
        Assert.Equal("HUMAN_AGENT", sent.Body["tag"]!.GetValue<string>());
        Assert.Equal(customer, sent.Body["recipient"]!["id"]!.GetValue<string>());
        Assert.Equal("Sorry for the wait!", sent.Text);
        await AgentTestData.WaitUntilAsync(async () => await AgentTestData.ScalarAsync<string>(fixture.DataSource,
            "SELECT state FROM outbound_deliveries WHERE id = $1", deliveryId) == "sent", s_timeout, "the human reply sent");
    }

    [Theory]
    [InlineData("instagram", "ai", 2)]
    [InlineData("instagram", "human", 8)]
    [InlineData("whatsapp", "human", 2)]
    public async Task ReplyOutsideItsWindowIsFailedNotSent(string platform, string author, int daysSinceCustomerWrote)
    {
        var shop = await ShopAsync(platform);

        var deliveryId = await AgentTestData.QueueReplyAsync(fixture.DataSource, shop, AgentTestData.NewCustomer(platform), author, "Hello again",
            TimeSpan.FromDays(daysSinceCustomerWrote));
        await AgentTestData.WaitUntilAsync(async () => await AgentTestData.ScalarAsync<string>(fixture.DataSource,
            "SELECT state FROM outbound_deliveries WHERE id = $1", deliveryId) == "failed", s_timeout, "the reply failed");

        Assert.Empty(fixture.Graph.For(shop.AccountId));
    }

    [Fact]
    public async Task LongReplyIsSplitOnWordBoundariesWithinInstagramsByteLimit()
    {
        var shop = await AgentTestData.CreateShopAsync(fixture.DataSource, fixture.Secrets, "instagram");
        var longDescription = string.Join(' ', Enumerable.Repeat("وصف", 10));
        for (var i = 0; i < 3; i++)
        {
            await AgentTestData.AddProductAsync(fixture.DataSource, shop.MerchantId, $"ABY-{i}",
                $"عباية سوداء {string.Join(' ', Enumerable.Repeat("مطرزة بخيوط ذهبية فاخرة", 10))} {i}", 100m + i, description: longDescription);
        }

        var inbound = await AgentTestData.SimulateInboundAsync(fixture.DataSource, fixture.Redis, shop, AgentTestData.NewCustomer("instagram"), "بكم العباية السوداء؟");
        await AgentTestData.WaitUntilAsync(async () => (await AgentTestData.DeliveriesAsync(fixture.DataSource, inbound.ConversationId)) is { Count: > 1 } all && all.All(d => d.State == "sent"),
            s_timeout, "several parts sent");

        var parts = fixture.Graph.For(shop.AccountId);
        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.True(System.Text.Encoding.UTF8.GetByteCount(p.Text) <= 1000, $"{System.Text.Encoding.UTF8.GetByteCount(p.Text)} bytes"));
        Assert.StartsWith("هذا ما وجدته", parts[0].Text);
        Assert.Contains("أيّها يناسبك", parts[^1].Text);
    }
}
