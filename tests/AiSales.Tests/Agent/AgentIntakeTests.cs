namespace AiSales.Tests.Agent;

/// <summary>Intake and ordering: bursts, several agent instances, Redis losing entries.</summary>
[Collection(AgentCollection.Name)]
public sealed class AgentIntakeTests(AgentFixture fixture)
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task BurstOfTenMessagesIsAnsweredInOrderNeverConcurrentlyAndWithoutDuplicates()
    {
        var shop = await AgentTestData.CreateShopAsync(fixture.DataSource, fixture.Secrets, "whatsapp");
        await AgentTestData.AddProductAsync(fixture.DataSource, shop.MerchantId, "KAF-BLUE", "Blue Kaftan", 149.50m);
        var customer = AgentTestData.NewCustomer("whatsapp");

        var sent = new List<InboundMessage>();
        for (var i = 1; i <= 10; i++)
        {
            sent.Add(await AgentTestData.SimulateInboundAsync(fixture.DataSource, fixture.Redis, shop, customer, $"blue kaftan price? ({i})"));
        }

        var conversationId = sent[0].ConversationId;
        await AgentTestData.WaitUntilAsync(async () => await AgentTestData.ScalarAsync<long>(fixture.DataSource,
            "SELECT count(*) FROM messages WHERE conversation_id = $1 AND reply_state = 'done'", conversationId) == 10, s_timeout, "all ten answered");
        await AgentTestData.WaitUntilAsync(async () => (await AgentTestData.DeliveriesAsync(fixture.DataSource, conversationId)).All(d => d.State == "sent"),
            s_timeout, "all replies sent");
        await Task.Delay(1500);

        var replies = await AgentTestData.DeliveriesAsync(fixture.DataSource, conversationId);
        Assert.InRange(replies.Count, 1, 9); // a burst is answered together, not once per message
        Assert.Equal(replies.Count, fixture.Graph.For(shop.AccountId).Count); // each reply sent exactly once
        Assert.Equal(1, fixture.Graph.MaxInFlight(customer)); // never two sends to the customer at once
        // In order: no reply was written before a message it follows was stored.
        Assert.Equal(0L, await AgentTestData.ScalarAsync<long>(fixture.DataSource, """
            SELECT count(*) FROM messages o
            WHERE o.conversation_id = $1 AND o.direction = 'outbound'
              AND NOT EXISTS (SELECT 1 FROM messages i WHERE i.conversation_id = $1 AND i.direction = 'inbound' AND i.id < o.id)
            """, conversationId));
    }

    [Fact]
    public async Task TwoAgentInstancesGiveExactlyOneReplyPerTurn()
    {
        await using var second = fixture.StartAgent(fixture.DatabaseConnectionString, fixture.RedisConnectionString);
        (await second.WaitUntilAliveAsync(TimeSpan.FromSeconds(60))).Dispose();

        var shop = await AgentTestData.CreateShopAsync(fixture.DataSource, fixture.Secrets, "whatsapp");
        await AgentTestData.AddProductAsync(fixture.DataSource, shop.MerchantId, "KAF-BLUE", "Blue Kaftan", 149.50m);
        var customers = Enumerable.Range(0, 4).Select(_ => AgentTestData.NewCustomer("whatsapp")).ToList();

        const int turns = 3;
        for (var turn = 1; turn <= turns; turn++)
        {
            // Four conversations in parallel, each waiting for its reply before the next turn.
            foreach (var customer in customers)
            {
                await AgentTestData.SimulateInboundAsync(fixture.DataSource, fixture.Redis, shop, customer, $"how much is the blue kaftan? turn {turn}");
            }

            await fixture.Graph.WaitForAsync(shop.AccountId, customers.Count * turn, s_timeout);
        }

        await Task.Delay(3000); // let a duplicate, if any, arrive
        var requests = fixture.Graph.For(shop.AccountId);
        Assert.Equal(customers.Count * turns, requests.Count);
        foreach (var customer in customers)
        {
            Assert.Equal(turns, requests.Count(r => r.Body["to"]!.GetValue<string>() == customer));
        }

        Assert.False(second.HasExited, second.Output);
    }

    [Fact]
    public async Task MessageThatRedisNeverGotIsAnsweredFromPostgreSql()
    {
        var shop = await AgentTestData.CreateShopAsync(fixture.DataSource, fixture.Secrets, "instagram");
        await AgentTestData.AddProductAsync(fixture.DataSource, shop.MerchantId, "KAF-BLUE", "Blue Kaftan", 149.50m);

        await AgentTestData.SimulateInboundAsync(fixture.DataSource, redis: null, shop, AgentTestData.NewCustomer("instagram"), "blue kaftan price?");
        var reply = (await fixture.Graph.WaitForAsync(shop.AccountId, 1, s_timeout)).Single();

        Assert.Contains("Blue Kaftan", reply.Text);
    }
}
