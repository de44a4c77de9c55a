namespace AiSales.Tests.Agent;

/// <summary>
/// Agent processes started by the test (environment variables only) on a private database that the AppHost's
/// agent does not watch: Redis down, the OpenAI provider, a misconfigured provider (a process killed mid-send:
/// <see cref="AgentUnknownOutcomeTests"/>).
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
    public async Task OpenAIProviderRunsThePluginsAndDeliversTheFinalText()
    {
        await using var openAi = await AgentFakeOpenAI.StartAsync();
        var database = await fixture.CreateMigratedDatabaseAsync();
        await using var db = Npgsql.NpgsqlDataSource.Create(database);
        await using var agent = fixture.StartAgent(database, null, openAi.AgentEnvironment());
        var shop = await AgentTestData.CreateShopAsync(db, fixture.Secrets, "instagram");
        await AgentTestData.AddProductAsync(db, shop.MerchantId, "KAF-BLUE", "Blue Kaftan", 149.50m);

        await AgentTestData.SimulateInboundAsync(db, null, shop, AgentTestData.NewCustomer("instagram"), "do you sell kaftans?");
        var reply = (await fixture.Graph.WaitForAsync(shop.AccountId, 1, s_timeout)).Single();

        Assert.StartsWith("From our catalogue:", reply.Text);
        Assert.Contains("Blue Kaftan", reply.Text);
        Assert.Contains("149.5", reply.Text);
        Assert.True(openAi.Requests.Count >= 2, "a tool call round and a final round");
        Assert.Contains(openAi.Requests.First()["tools"]!.AsArray(), t => t!["function"]!["name"]!.GetValue<string>().EndsWith("search_products"));
        // Every request offers all the plugins' functions, each with its parameters' schema (built once, sent each time).
        string[] functions =
        [
            "catalog-search_products", "catalog-get_product_details", "orders-get_draft_order", "orders-get_order", "orders-add_to_order",
            "orders-update_quantity", "orders-remove_item", "orders-set_order_details", "orders-confirm_order", "orders-cancel_order",
            "store-store_info", "handoff-transfer_to_human",
        ];
        foreach (var request in openAi.Requests)
        {
            var tools = request["tools"]!.AsArray();
            Assert.Equal(functions.Order(), tools.Select(t => t!["function"]!["name"]!.GetValue<string>()).Order());
            var search = tools.Single(t => t!["function"]!["name"]!.GetValue<string>() == "catalog-search_products")!["function"]!["parameters"]!;
            Assert.Equal("string", search["properties"]!["query"]!["type"]!.GetValue<string>());
            Assert.Contains(search["required"]!.AsArray(), r => r!.GetValue<string>() == "query");
        }

        // Memory given to the model: the merchant's system prompt, and the conversation's draft order (none yet) as a
        // get_draft_order tool result — data, never a system message.
        var messages = openAi.Requests.First()["messages"]!.AsArray();
        var system = messages.Where(m => m!["role"]!.GetValue<string>() == "system").Select(m => m!["content"]!.ToString()).ToList();
        Assert.Contains(system, text => text.Contains("sales assistant of the shop", StringComparison.Ordinal));
        Assert.DoesNotContain(system, text => text.Contains("draft order (JSON)", StringComparison.Ordinal));
        var draftCall = messages.Single(m => m!["tool_calls"] is not null);
        Assert.EndsWith("get_draft_order", draftCall!["tool_calls"]![0]!["function"]!["name"]!.GetValue<string>());
        Assert.Contains(messages, m => m!["role"]!.GetValue<string>() == "tool" && m["content"]!.ToString() == "null");
    }

    [Fact]
    public async Task OpenAIProviderCanUseEveryOrderToolAndTheStockIsReservedThenGivenBack()
    {
        await using var openAi = await AgentFakeOpenAI.StartAsync();
        var database = await fixture.CreateMigratedDatabaseAsync();
        await using var db = Npgsql.NpgsqlDataSource.Create(database);
        await using var agent = fixture.StartAgent(database, null, new Dictionary<string, string?>(openAi.AgentEnvironment())
        {
            ["AI__MaxToolRounds"] = "12",
        });
        var shop = await AgentTestData.CreateShopAsync(db, fixture.Secrets, "instagram");
        await AgentTestData.AddProductAsync(db, shop.MerchantId, "KAF-BLUE", "Blue Kaftan", 149.50m, stock: 5);
        await AgentTestData.AddProductAsync(db, shop.MerchantId, "MUSK-1", "White Musk", 120m, stock: 5);
        await using (var faq = db.CreateCommand("""UPDATE merchants SET faq = '[{"question":"Delivery?","answer":"Two days, 25 SAR."}]' WHERE id = $1"""))
        {
            faq.Parameters.AddWithValue(shop.MerchantId);
            await faq.ExecuteNonQueryAsync();
        }

        foreach (var call in new[]
        {
            ("search_products", """{"query":"kaftan"}"""), ("add_to_order", """{"product":"KAF-BLUE","quantity":2}"""),
            ("add_to_order", """{"product":"MUSK-1","quantity":1}"""), ("update_quantity", """{"product":"KAF-BLUE","quantity":3}"""),
            ("remove_item", """{"product":"MUSK-1"}"""),
            ("set_order_details", """{"customerName":"Sam Lee","shippingAddress":"12 King Rd, Riyadh","phone":"+966500000009"}"""),
            ("confirm_order", "{}"), ("get_order", "{}"), ("store_info", """{"question":"how long is delivery?"}"""),
        })
        {
            openAi.Script.Enqueue(call);
        }

        var customer = AgentTestData.NewCustomer("instagram");
        var inbound = await AgentTestData.SimulateInboundAsync(db, null, shop, customer, "3 blue kaftans please");
        await fixture.Graph.WaitForAsync(shop.AccountId, 1, s_timeout);

        Assert.Equal(2, await AgentTestData.ScalarAsync<int>(db, "SELECT stock FROM products WHERE sku = 'KAF-BLUE'"));
        Assert.Equal(5, await AgentTestData.ScalarAsync<int>(db, "SELECT stock FROM products WHERE sku = 'MUSK-1'"));
        Assert.Equal("confirmed|Sam Lee|3", await AgentTestData.ScalarAsync<string>(db, """
            SELECT o.status || '|' || o.customer_name || '|' || string_agg(i.quantity::text, ',')
            FROM orders o JOIN order_items i ON i.order_id = o.id WHERE o.conversation_id = $1 GROUP BY o.id
            """, inbound.ConversationId));
        var storeResult = openAi.Requests.Last()["messages"]!.AsArray().Last(m => m!["role"]!.GetValue<string>() == "tool")!["content"]!.ToString();
        Assert.Contains("Two days, 25 SAR.", storeResult);

        openAi.Script.Enqueue(("cancel_order", "{}"));
        await AgentTestData.SimulateInboundAsync(db, null, shop, customer, "cancel my order");
        await fixture.Graph.WaitForAsync(shop.AccountId, 2, s_timeout);

        Assert.Equal("cancelled", await AgentTestData.ScalarAsync<string>(db, "SELECT status FROM orders WHERE conversation_id = $1", inbound.ConversationId));
        Assert.Equal(5, await AgentTestData.ScalarAsync<int>(db, "SELECT stock FROM products WHERE sku = 'KAF-BLUE'"));
    }

    [Fact]
    public async Task AnOpenAICompatibleServerWithoutAKeyIsUsedWithAPlaceholderToken()
    {
        // As with Ollama: AI__Endpoint, AI__Model and no AI__ApiKey.
        await using var openAi = await AgentFakeOpenAI.StartAsync();
        var database = await fixture.CreateMigratedDatabaseAsync();
        await using var db = Npgsql.NpgsqlDataSource.Create(database);
        await using var agent = fixture.StartAgent(database, null, openAi.AgentEnvironment(apiKey: null));
        var shop = await AgentTestData.CreateShopAsync(db, fixture.Secrets, "whatsapp");
        await AgentTestData.AddProductAsync(db, shop.MerchantId, "KAF-BLUE", "Blue Kaftan", 149.50m);

        await AgentTestData.SimulateInboundAsync(db, null, shop, AgentTestData.NewCustomer("whatsapp"), "do you sell kaftans?");
        var reply = (await fixture.Graph.WaitForAsync(shop.AccountId, 1, s_timeout)).Single();

        Assert.StartsWith("From our catalogue:", reply.Text);
        Assert.All(openAi.Authorizations, header => Assert.Equal("Bearer no-key", header));
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
