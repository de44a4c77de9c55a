namespace AiSales.Tests.Agent;

/// <summary>
/// Agent processes started by the test (environment variables only) on a private database that the AppHost's
/// agent does not watch: Redis down, a process killed mid-send, the OpenAI provider, a misconfigured provider.
/// </summary>
[Collection(AgentCollection.Name)]
public sealed class AgentProcessTests(AgentFixture fixture)
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task WebhookIsStillAnsweredWithRedisDown()
    {
        var database = await fixture.CreateMigratedDatabaseAsync();
        await using var db = Npgsql.NpgsqlDataSource.Create(database);
        // Nothing listens on port 1: Redis is configured but down for the agent's whole life.
        await using var agent = fixture.StartAgent(database, "127.0.0.1:1,abortConnect=false,connectTimeout=500");
        (await agent.WaitUntilAliveAsync(TimeSpan.FromSeconds(60))).Dispose();
        var shop = await AgentTestData.CreateShopAsync(db, fixture.Secrets, "whatsapp");
        await AgentTestData.AddProductAsync(db, shop.MerchantId, "KAF-BLUE", "Blue Kaftan", 149.50m);

        await AgentTestData.SimulateInboundAsync(db, redis: null, shop, AgentTestData.NewCustomer("whatsapp"), "how much is the blue kaftan?");
        var reply = (await fixture.Graph.WaitForAsync(shop.AccountId, 1, s_timeout)).Single();

        Assert.Contains("149.5", reply.Text);
    }

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
    }

    [Fact]
    public async Task OpenAIProviderRunsThePluginsAndDeliversTheFinalText()
    {
        await using var openAi = await AgentFakeOpenAI.StartAsync();
        var database = await fixture.CreateMigratedDatabaseAsync();
        await using var db = Npgsql.NpgsqlDataSource.Create(database);
        await using var agent = fixture.StartAgent(database, null, new Dictionary<string, string?>
        {
            ["AI__Provider"] = "openai",
            ["AI__Model"] = "gpt-test",
            ["AI__Endpoint"] = openAi.Endpoint,
            ["AI__ApiKey"] = "sk-test",
        });
        var shop = await AgentTestData.CreateShopAsync(db, fixture.Secrets, "instagram");
        await AgentTestData.AddProductAsync(db, shop.MerchantId, "KAF-BLUE", "Blue Kaftan", 149.50m);

        await AgentTestData.SimulateInboundAsync(db, null, shop, AgentTestData.NewCustomer("instagram"), "do you sell kaftans?");
        var reply = (await fixture.Graph.WaitForAsync(shop.AccountId, 1, s_timeout)).Single();

        Assert.StartsWith("From our catalogue:", reply.Text);
        Assert.Contains("Blue Kaftan", reply.Text);
        Assert.Contains("149.5", reply.Text);
        Assert.True(openAi.Requests.Count >= 2, "a tool call round and a final round");
        Assert.Contains(openAi.Requests.First()["tools"]!.AsArray(), t => t!["function"]!["name"]!.GetValue<string>().EndsWith("search_products"));
        // Memory given to the model: the merchant's system prompt and the conversation's draft order (none yet).
        var system = openAi.Requests.First()["messages"]!.AsArray()
            .Where(m => m!["role"]!.GetValue<string>() == "system")
            .Select(m => m!["content"]!.ToString())
            .ToList();
        Assert.Contains(system, text => text.Contains("sales assistant of the shop", StringComparison.Ordinal));
        Assert.Contains(system, text => text.Contains("Current draft order (JSON): none", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MisconfiguredProviderStopsStartUpWithOneClearLine()
    {
        await using var agent = fixture.StartAgent(fixture.DatabaseConnectionString, null, new Dictionary<string, string?> { ["AI__Provider"] = "openai" });

        var exitCode = await agent.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("setting AI__Model is missing", agent.Output);
        Assert.Contains("setting AI__ApiKey is missing", agent.Output);
    }
}
