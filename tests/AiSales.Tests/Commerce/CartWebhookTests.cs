using AiSales.Tests.Agent;

namespace AiSales.Tests.Commerce;

/// <summary>WhatsApp carts (contract §4 rule 7) through signed webhooks, the offline agent and the fake Graph API.</summary>
[Collection(AgentCollection.Name)]
public sealed class CartWebhookTests(AgentFixture fixture)
{
    private static readonly TimeSpan s_replyTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ACartBecomesTheDraftAtOurPricesThenDetailsAndConfirmation()
    {
        var shop = await AgentTestData.CreateShopAsync(fixture.DataSource, fixture.Secrets, "whatsapp");
        var abaya = await AgentTestData.AddProductAsync(fixture.DataSource, shop.MerchantId, "ABY-1", "Black Abaya", 300m);
        await AgentTestData.AddProductAsync(fixture.DataSource, shop.MerchantId, "BAG-9", "Leather Bag", 149.5m);
        using var api = fixture.App.CreateHttpClient("api");
        var customer = new CommerceCustomer(api, shop);

        await customer.CartAsync(("ABY-1", 2, 300m, "SAR"), ("BAG-9", 1, 149.5m, "SAR"));
        var replies = new List<string> { (await fixture.Graph.WaitForAsync(shop.AccountId, 1, s_replyTimeout))[^1].Text };
        foreach (var text in new[] { "Sara Ahmed", "12 King Fahd Road, Riyadh", "yes" })
        {
            await customer.TextAsync(text);
            replies.Add((await fixture.Graph.WaitForAsync(shop.AccountId, replies.Count + 1, s_replyTimeout))[^1].Text);
        }

        Assert.Contains("Thanks for your cart!", replies[0]);
        Assert.Contains("2 × Black Abaya (300 SAR)", replies[0]);
        Assert.Contains("1 × Leather Bag (149.5 SAR)", replies[0]);
        Assert.Contains("Total: 749.5 SAR", replies[0]);
        Assert.DoesNotContain("your cart showed", replies[0]);
        Assert.Contains("your name", replies[0]);
        Assert.Contains("address", replies[1]);
        Assert.Contains("Shall I confirm", replies[2]);
        var conversationId = await AgentTestData.ScalarAsync<Guid>(fixture.DataSource,
            "SELECT conversation_id FROM messages WHERE external_id = $1", customer.LastMessageId);
        var number = await AgentTestData.ScalarAsync<long>(fixture.DataSource,
            "SELECT number FROM orders WHERE conversation_id = $1 AND status = 'confirmed'", conversationId);
        Assert.Contains($"#{number} is confirmed", replies[3]);
        Assert.Equal(749.5m, await AgentTestData.ScalarAsync<decimal>(fixture.DataSource, "SELECT total FROM orders WHERE number = $1", number));
        Assert.Equal(customer.Id, await AgentTestData.ScalarAsync<string>(fixture.DataSource, "SELECT customer_phone FROM orders WHERE number = $1", number));
        Assert.Equal(2, await AgentTestData.ScalarAsync<int>(fixture.DataSource,
            "SELECT i.quantity FROM order_items i JOIN orders o ON o.id = i.order_id WHERE o.number = $1 AND i.product_id = $2", number, abaya));
    }

    [Fact]
    public async Task ACartWithAnUnknownSkuAChangedPriceAndAnOutOfStockLineIsExplainedInArabic()
    {
        var shop = await AgentTestData.CreateShopAsync(fixture.DataSource, fixture.Secrets, "whatsapp");
        await AgentTestData.AddProductAsync(fixture.DataSource, shop.MerchantId, "ABY-1", "عباية سوداء", 300m);
        await AgentTestData.AddProductAsync(fixture.DataSource, shop.MerchantId, "SCF-0", "وشاح أحمر", 35m, stock: 0);
        using var api = fixture.App.CreateHttpClient("api");
        var customer = new CommerceCustomer(api, shop);

        await customer.CartAsync(("ABY-1", 1, 250m, "SAR"), ("NOPE-7", 1, 99m, "SAR"), ("SCF-0", 1, 35m, "SAR"));
        var reply = (await fixture.Graph.WaitForAsync(shop.AccountId, 1, s_replyTimeout)).Single().Text;

        Assert.Contains("شكرًا على سلتك!", reply);
        Assert.Contains("سعر عباية سوداء الآن 300 SAR (السلة كانت تعرض 250 SAR)", reply);
        Assert.Contains("NOPE-7 غير موجود", reply);
        Assert.Contains("وشاح أحمر غير متوفر", reply);
        Assert.Contains("اسمك", reply);
        var conversationId = await AgentTestData.ScalarAsync<Guid>(fixture.DataSource,
            "SELECT conversation_id FROM messages WHERE external_id = $1", customer.LastMessageId);
        Assert.Equal("ABY-1 1 300.000", await AgentTestData.ScalarAsync<string>(fixture.DataSource, """
            SELECT string_agg(i.sku || ' ' || i.quantity || ' ' || i.unit_price, ', ') FROM order_items i JOIN orders o ON o.id = i.order_id
            WHERE o.conversation_id = $1 AND o.status = 'draft'
            """, conversationId));
    }
}
