using AiSales.Tests.Infrastructure;

namespace AiSales.Tests.Agent;

/// <summary>
/// Sends whose outcome nobody knows (contract §5: a customer never gets the same reply twice), on agent processes the
/// test starts on a private database: the status webhook repairs what it can; the rest is given up, never resent, and
/// a person takes the customer over with the reason.
/// Both at once: each has its own database, agent process and shops (the fake Graph hangs per account).
/// </summary>
[Collection(AgentCollection.Name)]
[ConcurrentTests(2)]
public sealed class AgentUnknownOutcomeTests(AgentFixture fixture)
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task AgentKilledBetweenSendingAndSentNeverSendsTheReplyTwice()
    {
        var database = await fixture.CreateMigratedDatabaseAsync();
        await using var db = Npgsql.NpgsqlDataSource.Create(database);
        var timings = new Dictionary<string, string?>
        {
            ["Delivery__LeaseSeconds"] = "2",
            ["Delivery__ReconciliationGraceSeconds"] = "3",
            ["Delivery__AttemptTimeoutSeconds"] = "120",
            ["Logging__LogLevel__AiSales.AiAgent.Delivery"] = "Debug",
        };
        var reconciled = await AgentTestData.CreateShopAsync(db, fixture.Secrets, "whatsapp");
        var unconfirmed = await AgentTestData.CreateShopAsync(db, fixture.Secrets, "whatsapp");
        fixture.Graph.HangNext(reconciled.AccountId);
        fixture.Graph.HangNext(unconfirmed.AccountId);

        var first = fixture.StartAgent(database, null, timings);
        (await first.WaitUntilAliveAsync(TimeSpan.FromSeconds(60))).Dispose();
        var reconciledTurn = await AgentTestData.SimulateInboundAsync(db, null, reconciled, AgentTestData.NewCustomer("whatsapp"), "hello");
        var unconfirmedTurn = await AgentTestData.SimulateInboundAsync(db, null, unconfirmed, AgentTestData.NewCustomer("whatsapp"), "hello");
        GraphRequest hanging;
        try
        {
            hanging = (await fixture.Graph.WaitForAsync(reconciled.AccountId, 1, s_timeout)).Single();
            await fixture.Graph.WaitForAsync(unconfirmed.AccountId, 1, s_timeout);
        }
        catch (TimeoutException ex)
        {
            var deliveries = await AgentTestData.DeliveriesAsync(db, reconciledTurn.ConversationId);
            var replyState = await AgentTestData.ScalarAsync<string>(db, "SELECT reply_state FROM messages WHERE id = $1", reconciledTurn.MessageId);
            throw new TimeoutException(
                $"{ex.Message}\nfake Graph arrivals {fixture.Graph.Arrivals}; reply_state {replyState}; deliveries {string.Join(", ", deliveries.Select(d => $"{d.State}/{d.Attempts}"))}\n{first.Output}");
        }

        await first.DisposeAsync(); // killed mid-send: Meta has the message, we never heard back

        Assert.Equal("sending", (await AgentTestData.DeliveriesAsync(db, reconciledTurn.ConversationId)).Single().State);
        // Meta's status webhook for the first reply arrives with our delivery id (ingestion's side of the protocol).
        await AgentTestData.SimulateStatusWebhookAsync(db, Guid.Parse(hanging.Body["biz_opaque_callback_data"]!.GetValue<string>()), "wamid.reconciled");

        await using var restarted = fixture.StartAgent(database, null, timings);
        await AgentTestData.WaitUntilAsync(async () => (await AgentTestData.DeliveriesAsync(db, unconfirmedTurn.ConversationId)).Single().State == "failed",
            s_timeout, "the unconfirmed delivery given up");
        await Task.Delay(1000);

        Assert.Equal("sent", (await AgentTestData.DeliveriesAsync(db, reconciledTurn.ConversationId)).Single().State);
        Assert.Single(fixture.Graph.For(reconciled.AccountId));
        Assert.Single(fixture.Graph.For(unconfirmed.AccountId));
        Assert.Equal("failed", await AgentTestData.ScalarAsync<string>(db,
            "SELECT delivery_status FROM messages WHERE conversation_id = $1 AND direction = 'outbound'", unconfirmedTurn.ConversationId));
        // The customer whose reply may never have arrived is left to a person, with the reason; the other stays with the AI.
        Assert.Equal("human", await AgentTestData.ScalarAsync<string>(db, "SELECT status FROM conversations WHERE id = $1", unconfirmedTurn.ConversationId));
        Assert.StartsWith("The AI's reply may not have reached the customer", await AgentTestData.ScalarAsync<string>(db,
            "SELECT handoff_reason FROM conversations WHERE id = $1", unconfirmedTurn.ConversationId));
        Assert.Equal("failure", await AgentTestData.ScalarAsync<string>(db,
            "SELECT source FROM conversation_handoffs WHERE conversation_id = $1", unconfirmedTurn.ConversationId));
        Assert.Equal("ai", await AgentTestData.ScalarAsync<string>(db, "SELECT status FROM conversations WHERE id = $1", reconciledTurn.ConversationId));
    }

    [Fact]
    public async Task ASendThatGotNoAnswerIsGivenUpAfterTheGraceNotTheLeaseAndAPersonTakesOver()
    {
        var database = await fixture.CreateMigratedDatabaseAsync();
        await using var db = Npgsql.NpgsqlDataSource.Create(database);
        // A lease far longer than the test: only the sender's own "no answer" can start the grace period.
        var timings = new Dictionary<string, string?>
        {
            ["Delivery__LeaseSeconds"] = "600",
            ["Delivery__ReconciliationGraceSeconds"] = "2",
            ["Delivery__AttemptTimeoutSeconds"] = "2",
        };
        var shop = await AgentTestData.CreateShopAsync(db, fixture.Secrets, "whatsapp");
        fixture.Graph.HangNext(shop.AccountId);
        await using var agent = fixture.StartAgent(database, null, timings);
        (await agent.WaitUntilAliveAsync(TimeSpan.FromSeconds(60))).Dispose();

        var turn = await AgentTestData.SimulateInboundAsync(db, null, shop, AgentTestData.NewCustomer("whatsapp"), "hello");
        await AgentTestData.WaitUntilAsync(async () => await AgentTestData.ScalarAsync<string>(db,
            "SELECT status FROM conversations WHERE id = $1", turn.ConversationId) == "human", s_timeout, "a person given the conversation");

        Assert.Single(fixture.Graph.For(shop.AccountId));
        var delivery = (await AgentTestData.DeliveriesAsync(db, turn.ConversationId)).Single();
        Assert.Equal("failed", delivery.State);
        Assert.True(await AgentTestData.ScalarAsync<bool>(db, "SELECT outcome_unknown FROM outbound_deliveries WHERE conversation_id = $1", turn.ConversationId));
        Assert.StartsWith("The AI's reply may not have reached the customer", await AgentTestData.ScalarAsync<string>(db,
            "SELECT handoff_reason FROM conversations WHERE id = $1", turn.ConversationId));
    }
}
