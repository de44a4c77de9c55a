using Npgsql;

namespace AiSales.Tests.Agent;

/// <summary>
/// The turn against a model that takes seconds (issue 10): an agent process on a private database with the OpenAI
/// provider pointed at a fake OpenAI-compatible server over real HTTP.
/// </summary>
[Collection(AgentCollection.Name)]
public sealed class AgentTurnTests(AgentFixture fixture)
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ASlowModelHoldsNoTransactionAndANewerMessageIsAnsweredNextInOrder()
    {
        await using var model = await AgentFakeOpenAI.StartAsync();
        model.Tool = null;
        model.Latency = TimeSpan.FromSeconds(6);
        var (db, agent) = await StartAsync(model);
        await using var _ = db;
        await using var __ = agent;
        var shop = await AgentTestData.CreateShopAsync(db, fixture.Secrets, "whatsapp");
        var customer = AgentTestData.NewCustomer("whatsapp");

        using var sampling = new CancellationTokenSource();
        var longest = SampleLongestOpenTransactionAsync(db, sampling.Token);
        await AgentTestData.SimulateInboundAsync(db, null, shop, customer, "first question");
        await WaitUntilAsync(() => model.Requests.Count >= 1, "the first completion requested");
        await Task.Delay(2000);
        await AgentTestData.SimulateInboundAsync(db, null, shop, customer, "second question");
        var replies = await fixture.Graph.WaitForAsync(shop.AccountId, 2, s_timeout);
        await sampling.CancelAsync();

        Assert.Equal(["You said: first question", "You said: second question"], replies.Select(r => r.Text));
        Assert.Equal(2, model.Requests.Count);
        var (seconds, query) = await longest;
        Assert.True(seconds < 1, $"a transaction stayed open {seconds:0.00} s while the model thought: {query}");
    }

    [Fact]
    public async Task AHandoffWhileTheModelThinksSuppressesTheReply()
    {
        await using var model = await AgentFakeOpenAI.StartAsync();
        model.Tool = null;
        model.Latency = TimeSpan.FromSeconds(4);
        var (db, agent) = await StartAsync(model);
        await using var _ = db;
        await using var __ = agent;
        var shop = await AgentTestData.CreateShopAsync(db, fixture.Secrets, "whatsapp");

        var inbound = await AgentTestData.SimulateInboundAsync(db, null, shop, AgentTestData.NewCustomer("whatsapp"), "hello?");
        await WaitUntilAsync(() => model.Requests.Count >= 1, "the completion requested");
        await Task.Delay(2000);
        // What POST /api/conversations/{id}/handoff {to: human} writes.
        await Execute(db, "UPDATE conversations SET status = 'human', handoff_reason = 'merchant' WHERE id = $1", inbound.ConversationId);
        await AgentTestData.WaitUntilAsync(async () => await AgentTestData.ScalarAsync<string>(db,
            "SELECT reply_state FROM messages WHERE id = $1", inbound.MessageId) != "pending", s_timeout, "the turn finished");
        await Task.Delay(1000);

        Assert.Empty(fixture.Graph.For(shop.AccountId));
        Assert.Equal("skipped", await AgentTestData.ScalarAsync<string>(db, "SELECT reply_state FROM messages WHERE id = $1", inbound.MessageId));
        Assert.Equal("superseded", await AgentTestData.ScalarAsync<string>(db,
            "SELECT outcome FROM agent_turns WHERE conversation_id = $1", inbound.ConversationId));
    }

    [Fact]
    public async Task ATwelveSecondCompletionIsRequestedOnceDeliveredAndItsTokensRecorded()
    {
        await using var model = await AgentFakeOpenAI.StartAsync();
        model.Tool = null;
        model.Latency = TimeSpan.FromSeconds(12);
        var (db, agent) = await StartAsync(model);
        await using var _ = db;
        await using var __ = agent;
        var shop = await AgentTestData.CreateShopAsync(db, fixture.Secrets, "instagram");

        var inbound = await AgentTestData.SimulateInboundAsync(db, null, shop, AgentTestData.NewCustomer("instagram"), "are you open today?");
        var reply = (await fixture.Graph.WaitForAsync(shop.AccountId, 1, s_timeout)).Single();

        Assert.Equal("You said: are you open today?", reply.Text);
        Assert.Single(model.Requests);
        await using var usage = db.CreateCommand(
            "SELECT provider, model, outcome, model_calls, prompt_tokens, completion_tokens, duration_ms FROM agent_turns WHERE conversation_id = $1");
        usage.Parameters.AddWithValue(inbound.ConversationId);
        await using var row = await usage.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync());
        Assert.Equal(("openai", "gpt-test", "answered", 1, 10, 5), (row.GetString(0), row.GetString(1), row.GetString(2), row.GetInt32(3), row.GetInt32(4), row.GetInt32(5)));
        Assert.InRange(row.GetInt32(6), 11_000, 60_000);
    }

    [Fact]
    public async Task AProviderAnswering500GetsTheCustomerTheFallbackAndAPersonWithin30Seconds()
    {
        await using var model = await AgentFakeOpenAI.StartAsync();
        model.FailWithStatus = 500;
        var (db, agent) = await StartAsync(model);
        await using var _ = db;
        await using var __ = agent;
        var shop = await AgentTestData.CreateShopAsync(db, fixture.Secrets, "whatsapp");

        var inbound = await AgentTestData.SimulateInboundAsync(db, null, shop, AgentTestData.NewCustomer("whatsapp"), "بكم العباية السوداء؟");
        var fallback = (await fixture.Graph.WaitForAsync(shop.AccountId, 1, TimeSpan.FromSeconds(30))).Single();

        Assert.Contains("موظفين", fallback.Text);
        await AssertHandedOverAsync(db, inbound, "500");
        Assert.InRange(model.Requests.Count, 3, 9); // three tries, each with at most two retries of a 500
        await Task.Delay(3000);
        Assert.Single(fixture.Graph.For(shop.AccountId));
    }

    [Fact]
    public async Task AToolWhoseWriteFailsEndsAfterThreeTriesWithThreeModelCalls()
    {
        await using var model = await AgentFakeOpenAI.StartAsync();
        model.Tool = ("add_to_order", """{"product":"KAF-BLUE","quantity":1}""");
        var (db, agent) = await StartAsync(model);
        await using var _ = db;
        await using var __ = agent;
        var shop = await AgentTestData.CreateShopAsync(db, fixture.Secrets, "instagram");
        await AgentTestData.AddProductAsync(db, shop.MerchantId, "KAF-BLUE", "Blue Kaftan", 149.50m);
        // A database that refuses the order line: the tool fails with a real PostgreSQL error.
        await Execute(db, "CREATE FUNCTION refuse_line() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'order_items is read-only'; END $$");
        await Execute(db, "CREATE TRIGGER refuse_line BEFORE INSERT ON order_items FOR EACH ROW EXECUTE FUNCTION refuse_line()");

        var inbound = await AgentTestData.SimulateInboundAsync(db, null, shop, AgentTestData.NewCustomer("instagram"), "I want the blue kaftan");
        var fallback = (await fixture.Graph.WaitForAsync(shop.AccountId, 1, TimeSpan.FromSeconds(30))).Single();

        Assert.Contains("a person will reply", fallback.Text);
        await AssertHandedOverAsync(db, inbound, "read-only");
        Assert.Equal(3, model.Requests.Count);
        Assert.Equal(3L, await AgentTestData.ScalarAsync<long>(db,
            "SELECT count(*) FROM agent_turns WHERE conversation_id = $1 AND outcome = 'failed'", inbound.ConversationId));
    }

    [Fact]
    public async Task ParkedConversationsNeverCrowdOutANewCustomerWithRedisDown()
    {
        var database = await fixture.CreateMigratedDatabaseAsync();
        await using var db = NpgsqlDataSource.Create(database);
        var shop = await AgentTestData.CreateShopAsync(db, fixture.Secrets, "whatsapp");
        // 300 conversations with old pending messages: half pause after failed tries, half held by a turn whose process hangs.
        await Execute(db, """
            WITH c AS (
                INSERT INTO customers (merchant_id, platform, phone)
                SELECT $1, 'whatsapp', '96650' || lpad(n::text, 7, '0') FROM generate_series(1, 300) n RETURNING id, phone),
            v AS (
                INSERT INTO conversations (merchant_id, customer_id, platform, customer_phone, last_customer_message_at,
                                           turn_retry_at, turn_owner, turn_expires_at)
                SELECT $1, c.id, 'whatsapp', c.phone, now(),
                       CASE WHEN right(c.phone, 1)::int % 2 = 0 THEN now() + interval '1 hour' END,
                       CASE WHEN right(c.phone, 1)::int % 2 = 1 THEN 'a-hung-process' END,
                       CASE WHEN right(c.phone, 1)::int % 2 = 1 THEN now() + interval '1 hour' END
                FROM c RETURNING id)
            INSERT INTO messages (merchant_id, conversation_id, platform, direction, author, kind, text, reply_state, created_at)
            SELECT $1, v.id, 'whatsapp', 'inbound', 'customer', 'text', 'parked', 'pending', now() - interval '1 minute' FROM v
            """, shop.MerchantId);
        await using var agent = fixture.StartAgent(database, "127.0.0.1:1,abortConnect=false,connectTimeout=500");
        (await agent.WaitUntilAliveAsync(TimeSpan.FromSeconds(60))).Dispose();

        await AgentTestData.SimulateInboundAsync(db, redis: null, shop, AgentTestData.NewCustomer("whatsapp"), "hello");
        var reply = (await fixture.Graph.WaitForAsync(shop.AccountId, 1, TimeSpan.FromSeconds(30))).Single();

        Assert.NotEmpty(reply.Text);
        Assert.Equal(300L, await AgentTestData.ScalarAsync<long>(db, "SELECT count(*) FROM messages WHERE text = 'parked' AND reply_state = 'pending'"));
    }

    [Fact]
    public async Task AMessageWaitsWhileAnEarlierWebhookEventIsStillBeingNormalised()
    {
        var database = await fixture.CreateMigratedDatabaseAsync();
        await using var db = NpgsqlDataSource.Create(database);
        await using var agent = fixture.StartAgent(database, null, new Dictionary<string, string?> { ["Intake__DebounceMilliseconds"] = "0" });
        (await agent.WaitUntilAliveAsync(TimeSpan.FromSeconds(60))).Dispose();
        var shop = await AgentTestData.CreateShopAsync(db, fixture.Secrets, "whatsapp");
        // An earlier webhook body, acknowledged but not yet normalised: it may hold this customer's earlier message.
        var earlier = await AgentTestData.ScalarAsync<long>(db, "INSERT INTO webhook_events (platform, body) VALUES ('whatsapp', '\\x7b7d') RETURNING id");

        var inbound = await AgentTestData.SimulateInboundAsync(db, null, shop, AgentTestData.NewCustomer("whatsapp"), "hello");
        await Execute(db, "UPDATE messages SET arrival = ($2 + 1) * 4096 WHERE id = $1", inbound.MessageId, earlier);
        await Task.Delay(4000);
        var answeredTooEarly = fixture.Graph.For(shop.AccountId).Count;
        await Execute(db, "UPDATE webhook_events SET state = 'processed', processed_at = now() WHERE id = $1", earlier);
        var reply = await fixture.Graph.WaitForAsync(shop.AccountId, 1, TimeSpan.FromSeconds(20));

        Assert.Equal(0, answeredTooEarly);
        Assert.Single(reply);
    }

    private async Task<(NpgsqlDataSource Db, ServiceProcess Agent)> StartAsync(AgentFakeOpenAI model)
    {
        var database = await fixture.CreateMigratedDatabaseAsync();
        var agent = fixture.StartAgent(database, null, new Dictionary<string, string?>
        {
            ["AI__Provider"] = "openai",
            ["AI__Model"] = "gpt-test",
            ["AI__Endpoint"] = model.Endpoint,
            ["AI__ApiKey"] = "sk-test",
            ["Intake__DebounceMilliseconds"] = "0",
        });
        (await agent.WaitUntilAliveAsync(TimeSpan.FromSeconds(60))).Dispose();
        return (NpgsqlDataSource.Create(database), agent);
    }

    private static async Task AssertHandedOverAsync(NpgsqlDataSource db, InboundMessage inbound, string reasonPart)
    {
        await AgentTestData.WaitUntilAsync(async () => await AgentTestData.ScalarAsync<string>(db,
            "SELECT status FROM conversations WHERE id = $1", inbound.ConversationId) == "human", TimeSpan.FromSeconds(10), "the handoff");
        Assert.Contains(reasonPart, await AgentTestData.ScalarAsync<string>(db, "SELECT handoff_reason FROM conversations WHERE id = $1", inbound.ConversationId));
        Assert.Equal("failed", await AgentTestData.ScalarAsync<string>(db, "SELECT reply_state FROM messages WHERE id = $1", inbound.MessageId));
        Assert.Equal(1L, await AgentTestData.ScalarAsync<long>(db,
            "SELECT count(*) FROM conversation_handoffs WHERE conversation_id = $1 AND source = 'failure'", inbound.ConversationId));
    }

    /// <summary>The longest any session of this database stayed inside one transaction, sampled every 100 ms.</summary>
    private static async Task<(double Seconds, string Query)> SampleLongestOpenTransactionAsync(NpgsqlDataSource db, CancellationToken stop)
    {
        var longest = (0d, "");
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(stop);
        bound.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            while (!bound.IsCancellationRequested)
            {
                await using var command = db.CreateCommand("""
                    SELECT coalesce(max(extract(epoch FROM now() - xact_start)), 0)::float8, coalesce(max(query), '')
                    FROM pg_stat_activity
                    WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend' AND xact_start IS NOT NULL
                    """);
                await using var reader = await command.ExecuteReaderAsync(bound.Token);
                await reader.ReadAsync(bound.Token);
                if (reader.GetDouble(0) > longest.Item1)
                {
                    longest = (reader.GetDouble(0), reader.GetString(1));
                }

                await Task.Delay(100, bound.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }

        return longest;
    }

    private static Task WaitUntilAsync(Func<bool> condition, string what) =>
        AgentTestData.WaitUntilAsync(() => Task.FromResult(condition()), s_timeout, what);

    private static async Task Execute(NpgsqlDataSource db, string sql, params object[] values)
    {
        await using var command = db.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.AddWithValue(value);
        }

        await command.ExecuteNonQueryAsync();
    }
}
