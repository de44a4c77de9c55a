namespace AiSales.Tests.Agent;

/// <summary>Confirming reserves the stock atomically (contract §6): customers racing for the last units, end to end.</summary>
[Collection(AgentCollection.Name)]
public sealed class AgentStockRaceTests(AgentFixture fixture)
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TwentyCustomersRacingForTheLastThreeUnitsGetExactlyThreeConfirmedOrders()
    {
        var db = fixture.DataSource;
        var shop = await AgentTestData.CreateShopAsync(db, fixture.Secrets, "whatsapp");
        await AgentTestData.AddProductAsync(db, shop.MerchantId, "OUD-1", "عطر عود ملكي", 250m, stock: 3);
        var customers = Enumerable.Range(0, 20).Select(_ => AgentTestData.NewCustomer("whatsapp")).ToList();

        // Each customer wants one; the drafts are then complete and waiting for their "yes".
        var conversations = new List<Guid>();
        foreach (var customer in customers)
        {
            conversations.Add((await AgentTestData.SimulateInboundAsync(db, fixture.Redis, shop, customer, "ابغى عطر عود")).ConversationId);
        }

        await fixture.Graph.WaitForAsync(shop.AccountId, customers.Count, s_timeout);
        foreach (var sql in new[]
        {
            "UPDATE orders SET customer_name = 'عميل', shipping_address = 'الرياض، حي النرجس' WHERE conversation_id = ANY($1) AND status = 'draft'",
            """UPDATE conversations SET agent_state = '{"awaiting":"Confirmation"}' WHERE id = ANY($1)""",
        })
        {
            await using var complete = db.CreateCommand(sql);
            complete.Parameters.AddWithValue(conversations.ToArray());
            await complete.ExecuteNonQueryAsync();
        }

        Assert.Equal(20, await AgentTestData.ScalarAsync<long>(db, "SELECT count(*) FROM order_items i JOIN orders o ON o.id = i.order_id WHERE o.merchant_id = $1", shop.MerchantId));
        await Task.WhenAll(customers.Select(c => AgentTestData.SimulateInboundAsync(db, fixture.Redis, shop, c, "نعم")));
        var replies = await fixture.Graph.WaitForAsync(shop.AccountId, customers.Count * 2, s_timeout);

        Assert.Equal(3, await AgentTestData.ScalarAsync<long>(db, "SELECT count(*) FROM orders WHERE merchant_id = $1 AND status = 'confirmed'", shop.MerchantId));
        Assert.Equal(0, await AgentTestData.ScalarAsync<int>(db, "SELECT stock FROM products WHERE merchant_id = $1", shop.MerchantId));
        var answers = replies.Skip(customers.Count).Select(r => r.Text).ToList();
        Assert.Equal(3, answers.Count(t => t.Contains("تم تأكيد طلبك", StringComparison.Ordinal)));
        Assert.Equal(17, answers.Count(t => t.Contains("غير متوفر", StringComparison.Ordinal)));
    }
}
