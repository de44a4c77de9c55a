using AiSales.Tests.Infrastructure;
using Npgsql;

namespace AiSales.Tests.Agent;

/// <summary>
/// The turn against a model that takes seconds (issue 10): an agent process on a private database with the OpenAI
/// provider pointed at a fake OpenAI-compatible server over real HTTP.
/// </summary>
/// <remarks>Three at a time: each makes its own database, model and agent process, and mostly waits for the model.</remarks>
[Collection(AgentCollection.Name)]
[ConcurrentTests(3)]
public sealed partial class AgentTurnTests(AgentFixture fixture)
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
    public async Task ACompletionPastTheTimeoutIsAbandonedNeverResentAndEndsInTheFallback()
    {
        await using var model = await AgentFakeOpenAI.StartAsync();
        model.Tool = null;
        model.Latency = TimeSpan.FromSeconds(5);
        var (db, agent) = await StartAsync(model, new() { ["AI__TimeoutSeconds"] = "2" });
        await using var _ = db;
        await using var __ = agent;
        var shop = await AgentTestData.CreateShopAsync(db, fixture.Secrets, "instagram");

        var inbound = await AgentTestData.SimulateInboundAsync(db, null, shop, AgentTestData.NewCustomer("instagram"), "hello, anyone there?");
        var fallback = (await fixture.Graph.WaitForAsync(shop.AccountId, 1, TimeSpan.FromSeconds(30))).Single();

        Assert.Contains("a person will reply", fallback.Text);
        await AssertHandedOverAsync(db, inbound, "did not answer in time");
        Assert.Equal(3, model.Requests.Count); // one per try: a completion that may have started is never sent again
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
    public async Task AModelThatKeepsCallingToolsIsStoppedAfterItsRoundsAndStillAnswers()
    {
        await using var model = await AgentFakeOpenAI.StartAsync();
        model.ToolRounds = int.MaxValue;
        var (db, agent) = await StartAsync(model);
        await using var _ = db;
        await using var __ = agent;
        var shop = await AgentTestData.CreateShopAsync(db, fixture.Secrets, "whatsapp");
        await AgentTestData.AddProductAsync(db, shop.MerchantId, "KAF-BLUE", "Blue Kaftan", 149.50m);

        var inbound = await AgentTestData.SimulateInboundAsync(db, null, shop, AgentTestData.NewCustomer("whatsapp"), "kaftans?");
        var reply = (await fixture.Graph.WaitForAsync(shop.AccountId, 1, s_timeout)).Single();

        Assert.Contains("Blue Kaftan", reply.Text);
        // Five rounds of tool calls (AI__MaxToolRounds), then one completion with tools off.
        Assert.True(model.Requests.Count == 6, string.Join("\n", model.Requests.Select(r => $"{r["tool_choice"]} {r["tools"]?.AsArray().Count} {string.Join(",", r["messages"]!.AsArray().Select(m => m!["role"]))}")));
        Assert.Equal("none", model.Requests.Last()["tool_choice"]?.ToString());
        Assert.Equal(5, await AgentTestData.ScalarAsync<int>(db, "SELECT tool_calls FROM agent_turns WHERE conversation_id = $1", inbound.ConversationId));
    }
}
