using AiSales.Tests.Agent;

namespace AiSales.Tests.Commerce;

/// <summary>
/// With the WhatsApp channel's Meta catalogue (catalogId), a listing goes out as a product list of our SKUs, and the
/// cart the customer sends from it becomes the order (contract §5, §4 rule 7).
/// </summary>
[Collection(AgentCollection.Name)]
public sealed class ProductMessageTests(AgentFixture fixture)
{
    private static readonly TimeSpan s_replyTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AListingIsAProductListAndTheCartFromItBecomesTheOrder()
    {
        var shop = await AgentTestData.CreateShopAsync(fixture.DataSource, fixture.Secrets, "whatsapp");
        await AgentTestData.ScalarAsync<int>(fixture.DataSource,
            "UPDATE channels SET catalog_id = '1500900600300700' WHERE id = $1 RETURNING 1", shop.ChannelId);
        await AgentTestData.AddProductAsync(fixture.DataSource, shop.MerchantId, "ABY-1", "Black Abaya", 300m);
        await AgentTestData.AddProductAsync(fixture.DataSource, shop.MerchantId, "ABY-2", "Embroidered Abaya", 450m);
        using var api = fixture.App.CreateHttpClient("api");
        var customer = new CommerceCustomer(api, shop);

        await customer.TextAsync("I want to order an abaya");
        var listing = (await fixture.Graph.WaitForAsync(shop.AccountId, 1, s_replyTimeout)).Single();
        await customer.CartAsync(("ABY-2", 1, 450m, "SAR"));
        var reply = (await fixture.Graph.WaitForAsync(shop.AccountId, 2, s_replyTimeout))[^1];

        var interactive = listing.Body["interactive"]!;
        Assert.Equal("product_list", interactive["type"]!.GetValue<string>());
        Assert.Equal("text", interactive["header"]!["type"]!.GetValue<string>());
        Assert.Equal("1500900600300700", interactive["action"]!["catalog_id"]!.GetValue<string>());
        var skus = interactive["action"]!["sections"]![0]!["product_items"]!.AsArray().Select(p => p!["product_retailer_id"]!.GetValue<string>());
        Assert.Equal(["ABY-1", "ABY-2"], skus.Order());
        Assert.Contains("Embroidered Abaya", interactive["body"]!["text"]!.GetValue<string>());
        Assert.Contains("Thanks for your cart!", reply.Text);
        Assert.Contains("1 × Embroidered Abaya (450 SAR)", reply.Text);
    }
}
