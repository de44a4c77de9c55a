using Npgsql;

namespace AiSales.Tests.Agent;

/// <summary>The turn's intake side: parked conversations, earlier events still being normalised, the newest N answered.</summary>
public sealed partial class AgentTurnTests
{
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
        // The hung process is alive: its session still holds its instance lock (AiSales.AiAgent/Fleet/InstanceLock.cs).
        await using var hung = await db.OpenConnectionAsync();
        await using (var alive = new NpgsqlCommand("SELECT pg_advisory_lock(1095322451, hashtext('a-hung-process'))", hung))
        {
            await alive.ExecuteNonQueryAsync();
        }

        await using var agent = fixture.StartAgent(database, "127.0.0.1:1,abortConnect=false,connectTimeout=500");
        (await agent.WaitUntilAliveAsync(TimeSpan.FromSeconds(60))).Dispose();

        await AgentTestData.SimulateInboundAsync(db, redis: null, shop, AgentTestData.NewCustomer("whatsapp"), "hello");
        var reply = (await fixture.Graph.WaitForAsync(shop.AccountId, 1, TimeSpan.FromSeconds(30))).Single();

        Assert.NotEmpty(reply.Text);
        Assert.Equal(300L, await AgentTestData.ScalarAsync<long>(db, "SELECT count(*) FROM messages WHERE text = 'parked' AND reply_state = 'pending'"));
    }

    [Fact]
    public async Task ATurnWhoseProcessDiedIsTakenOverAtOnceNotWhenItsLeaseExpires()
    {
        var database = await fixture.CreateMigratedDatabaseAsync();
        await using var db = NpgsqlDataSource.Create(database);
        var shop = await AgentTestData.CreateShopAsync(db, fixture.Secrets, "whatsapp");
        var customer = AgentTestData.NewCustomer("whatsapp");
        // Leased for another hour by a process that was killed (kill -9): it holds no instance lock any more.
        await Execute(db, """
            WITH c AS (INSERT INTO customers (merchant_id, platform, phone) VALUES ($1, 'whatsapp', $2) RETURNING id, phone),
            v AS (
                INSERT INTO conversations (merchant_id, customer_id, platform, customer_phone, last_customer_message_at, turn_owner, turn_expires_at)
                SELECT $1, c.id, 'whatsapp', c.phone, now(), 'a-killed-process', now() + interval '1 hour' FROM c RETURNING id)
            INSERT INTO messages (merchant_id, conversation_id, platform, direction, author, kind, text, reply_state, created_at, sent_at)
            SELECT $1, v.id, 'whatsapp', 'inbound', 'customer', 'text', 'hello', 'pending', now() - interval '5 seconds', now() - interval '5 seconds' FROM v
            """, shop.MerchantId, customer);
        await using var agent = fixture.StartAgent(database, null);
        (await agent.WaitUntilAliveAsync(TimeSpan.FromSeconds(60))).Dispose();

        var reply = (await fixture.Graph.WaitForAsync(shop.AccountId, 1, TimeSpan.FromSeconds(30))).Single();

        Assert.Equal(customer, reply.Body["to"]?.GetValue<string>());
        Assert.Equal("done", await AgentTestData.ScalarAsync<string>(db, "SELECT reply_state FROM messages WHERE text = 'hello' AND direction = 'inbound'"));
    }

    [Fact]
    public async Task ALeaseItsOwnProcessCouldNotReleaseIsTakenUpAgainByThatProcessNotWhenItExpires()
    {
        var database = await fixture.CreateMigratedDatabaseAsync();
        await using var db = NpgsqlDataSource.Create(database);
        var shop = await AgentTestData.CreateShopAsync(db, fixture.Secrets, "whatsapp");
        var customer = AgentTestData.NewCustomer("whatsapp");
        await using var agent = fixture.StartAgent(database, null);
        (await agent.WaitUntilAliveAsync(TimeSpan.FromSeconds(60))).Dispose();
        await AgentTestData.WaitUntilAsync(async () => await AgentTestData.ScalarAsync<long>(db, "SELECT count(*) FROM agent_instances") == 1,
            TimeSpan.FromSeconds(30), "the agent in agent_instances");
        var owner = await AgentTestData.ScalarAsync<string>(db, "SELECT id FROM agent_instances");
        // What a turn leaves when PostgreSQL restarts under it: the lease is this live process's own for another hour
        // (its release failed), no turn of it runs, and no Redis notice will come.
        await Execute(db, """
            WITH c AS (INSERT INTO customers (merchant_id, platform, phone) VALUES ($1, 'whatsapp', $2) RETURNING id, phone),
            v AS (
                INSERT INTO conversations (merchant_id, customer_id, platform, customer_phone, last_customer_message_at, turn_owner, turn_expires_at)
                SELECT $1, c.id, 'whatsapp', c.phone, now(), $3, now() + interval '1 hour' FROM c RETURNING id)
            INSERT INTO messages (merchant_id, conversation_id, platform, direction, author, kind, text, reply_state, created_at, sent_at)
            SELECT $1, v.id, 'whatsapp', 'inbound', 'customer', 'text', 'hello', 'pending', now() - interval '5 seconds', now() - interval '5 seconds' FROM v
            """, shop.MerchantId, customer, owner);

        var reply = (await fixture.Graph.WaitForAsync(shop.AccountId, 1, TimeSpan.FromSeconds(30))).Single();

        Assert.Equal(customer, reply.Body["to"]?.GetValue<string>());
        Assert.Equal("done", await AgentTestData.ScalarAsync<string>(db, "SELECT reply_state FROM messages WHERE text = 'hello' AND direction = 'inbound'"));
    }

    [Fact]
    public async Task AMessageWaitsWhileAnEarlierWebhookEventIsStillBeingNormalised()
    {
        var database = await fixture.CreateMigratedDatabaseAsync();
        await using var db = NpgsqlDataSource.Create(database);
        await using var agent = fixture.StartAgent(database, null, new Dictionary<string, string?> { ["Intake__DebounceMilliseconds"] = "0" });
        (await agent.WaitUntilAliveAsync(TimeSpan.FromSeconds(60))).Dispose();
        var shop = await AgentTestData.CreateShopAsync(db, fixture.Secrets, "whatsapp");
        var customer = AgentTestData.NewCustomer("whatsapp");
        var other = AgentTestData.NewCustomer("whatsapp");
        // Earlier webhook bodies, acknowledged but not yet normalised: one names this customer (it may hold their earlier
        // message), one only another customer (it cannot, and must not delay this one).
        var earlier = await AgentTestData.ScalarAsync<long>(db, "INSERT INTO webhook_events (platform, body) VALUES ('whatsapp', convert_to($1, 'UTF8')) RETURNING id",
            $$"""{"from":"{{customer}}"}""");
        var unrelated = await AgentTestData.ScalarAsync<long>(db, "INSERT INTO webhook_events (platform, body) VALUES ('whatsapp', convert_to($1, 'UTF8')) RETURNING id",
            $$"""{"from":"{{other}}"}""");

        var bystander = await AgentTestData.SimulateInboundAsync(db, null, shop, AgentTestData.NewCustomer("whatsapp"), "hi");
        await Execute(db, "UPDATE messages SET arrival = ($2 + 1) * 4096 WHERE id = $1", bystander.MessageId, unrelated);
        // Well within the 10 s ordering wait a wrongly matched event would impose.
        await fixture.Graph.WaitForAsync(shop.AccountId, 1, TimeSpan.FromSeconds(5));
        var inbound = await AgentTestData.SimulateInboundAsync(db, null, shop, customer, "hello");
        await Execute(db, "UPDATE messages SET arrival = ($2 + 1) * 4096 WHERE id = $1", inbound.MessageId, earlier);
        await Task.Delay(4000);
        var answeredTooEarly = fixture.Graph.For(shop.AccountId).Count - 1;
        await Execute(db, "UPDATE webhook_events SET state = 'processed', processed_at = now() WHERE id = $1", earlier);
        var reply = await fixture.Graph.WaitForAsync(shop.AccountId, 2, TimeSpan.FromSeconds(20));

        Assert.Equal(0, answeredTooEarly);
        Assert.Equal(2, reply.Count);
    }

    [Fact]
    public async Task ATurnAnswersTheNewestMessagesAndSkipsTheOlderOnes()
    {
        var database = await fixture.CreateMigratedDatabaseAsync();
        await using var db = NpgsqlDataSource.Create(database);
        await using var agent = fixture.StartAgent(database, null, new Dictionary<string, string?> { ["AI__MaxMessagesPerTurn"] = "3" });
        (await agent.WaitUntilAliveAsync(TimeSpan.FromSeconds(60))).Dispose();
        var shop = await AgentTestData.CreateShopAsync(db, fixture.Secrets, "whatsapp");
        var customer = AgentTestData.NewCustomer("whatsapp");

        var sent = new List<InboundMessage>();
        foreach (var text in new[] { "one", "two", "three", "four", "hello" })
        {
            sent.Add(await AgentTestData.SimulateInboundAsync(db, null, shop, customer, text));
        }

        await fixture.Graph.WaitForAsync(shop.AccountId, 1, s_timeout);
        await AgentTestData.WaitUntilAsync(async () => await AgentTestData.ScalarAsync<long>(db,
            "SELECT count(*) FROM messages WHERE conversation_id = $1 AND reply_state = 'pending'", sent[0].ConversationId) == 0, s_timeout, "no message pending");

        var states = new List<string>();
        foreach (var message in sent)
        {
            states.Add(await AgentTestData.ScalarAsync<string>(db, "SELECT reply_state FROM messages WHERE id = $1", message.MessageId));
        }

        Assert.Equal(["skipped", "skipped", "done", "done", "done"], states);
        Assert.Single(fixture.Graph.For(shop.AccountId));
    }
}
