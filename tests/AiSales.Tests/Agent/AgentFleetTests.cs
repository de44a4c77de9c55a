using Npgsql;

namespace AiSales.Tests.Agent;

/// <summary>
/// Two agent processes on one database (issue 13 item 8): the per-number send limit holds across the fleet. Its own
/// class, run alone: its timings are sensitive to a loaded machine, unlike the turn tests run together beside it.
/// </summary>
[Collection(AgentCollection.Name)]
public sealed class AgentFleetTests(AgentFixture fixture)
{
    [Fact]
    public async Task TwoAgentProcessesTogetherKeepThePerNumberSendLimit()
    {
        var database = await fixture.CreateMigratedDatabaseAsync();
        await using var db = NpgsqlDataSource.Create(database);
        var settings = new Dictionary<string, string?>
        {
            ["Delivery__MessagesPerSecondPerNumber"] = "4",
            // 2 s beats (a 6 s window): a beat delayed by a loaded test machine must not make one process count alone.
            ["Delivery__InstanceHeartbeatSeconds"] = "2",
            ["Intake__DebounceMilliseconds"] = "0",
        };
        await using var first = fixture.StartAgent(database, null, settings);
        await using var second = fixture.StartAgent(database, null, settings);
        (await first.WaitUntilAliveAsync(TimeSpan.FromSeconds(60))).Dispose();
        (await second.WaitUntilAliveAsync(TimeSpan.FromSeconds(60))).Dispose();
        await AgentTestData.WaitUntilAsync(async () => await AgentTestData.ScalarAsync<long>(db,
            "SELECT count(*) FROM agent_instances WHERE seen_at > now() - interval '6 seconds'") == 2, TimeSpan.FromSeconds(20), "both processes in the fleet");
        await Task.Delay(4500); // a beat or two: each has counted the other
        var shop = await AgentTestData.CreateShopAsync(db, fixture.Secrets, "whatsapp");
        await AgentTestData.AddProductAsync(db, shop.MerchantId, "KAF-BLUE", "Blue Kaftan", 149.50m);
        var customers = Enumerable.Range(0, 24).Select(_ => AgentTestData.NewCustomer("whatsapp")).ToList();

        foreach (var customer in customers)
        {
            await AgentTestData.SimulateInboundAsync(db, redis: null, shop, customer, "how much is the blue kaftan?");
        }

        var replies = await fixture.Graph.WaitForAsync(shop.AccountId, customers.Count, TimeSpan.FromSeconds(60));
        await Task.Delay(1000); // a duplicate, if any, would arrive
        replies = fixture.Graph.For(shop.AccountId);

        // Each customer answered once, by whichever process took the conversation.
        Assert.Equal(customers.Order(), replies.Select(r => r.Body["to"]!.GetValue<string>()).Order());
        // 4/s for the whole fleet, a burst of at most 4: 24 replies take about 5 s. Each process sending at the full
        // 4/s (bursts of 4) would have taken about 2 s.
        var times = replies.Select(r => r.ReceivedAt).Order().ToList();
        var span = times[^1] - times[0];
        Assert.True(span >= TimeSpan.FromSeconds(4), $"24 replies to one number within {span.TotalSeconds:0.00} s");
        for (var i = 0; i + 12 < times.Count; i++)
        {
            // Any 13 consecutive replies span about 2 s (at most 4 waiting, then 4/s); unshared, about 1 s.
            Assert.True(times[i + 12] - times[i] >= TimeSpan.FromSeconds(1.5), $"13 replies within {(times[i + 12] - times[i]).TotalSeconds:0.00} s");
        }

        Assert.False(first.HasExited, first.Output);
        Assert.False(second.HasExited, second.Output);
    }
}
