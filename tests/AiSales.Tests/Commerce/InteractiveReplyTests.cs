using System.Text.Json.Nodes;
using AiSales.Tests.Agent;

namespace AiSales.Tests.Commerce;

/// <summary>
/// Replies with WhatsApp reply buttons and list messages and Instagram quick replies (contract §5), and the customer's
/// tap read as their answer, through signed webhooks and the fake Graph API.
/// </summary>
[Collection(AgentCollection.Name)]
public sealed class InteractiveReplyTests(AgentFixture fixture)
{
    private static readonly TimeSpan s_replyTimeout = TimeSpan.FromSeconds(30);

    private async Task<GraphRequest> ReplyAsync(AgentShop shop, int count) => (await fixture.Graph.WaitForAsync(shop.AccountId, count, s_replyTimeout))[^1];

    [Fact]
    public async Task TheConfirmationComesWithButtonsAndATapConfirmsTheOrder()
    {
        var shop = await AgentTestData.CreateShopAsync(fixture.DataSource, fixture.Secrets, "whatsapp");
        await AgentTestData.AddProductAsync(fixture.DataSource, shop.MerchantId, "ABY-1", "Black Abaya", 300m);
        using var api = fixture.App.CreateHttpClient("api");
        var customer = new CommerceCustomer(api, shop);
        var count = 0;
        foreach (var text in new[] { "I want to order the black abaya", "Sara Ahmed", "12 King Fahd Road, Riyadh" })
        {
            await customer.TextAsync(text);
            await ReplyAsync(shop, ++count);
        }

        var question = await ReplyAsync(shop, count);
        await customer.TapAsync("button_reply", "aisales:confirm", "Confirm");
        var confirmed = await ReplyAsync(shop, ++count);

        Assert.Equal("interactive", question.Body["type"]!.GetValue<string>());
        var interactive = question.Body["interactive"]!;
        Assert.Equal("button", interactive["type"]!.GetValue<string>());
        Assert.Contains("Shall I confirm", interactive["body"]!["text"]!.GetValue<string>());
        Assert.Equal(["aisales:confirm", "aisales:change", "aisales:human"],
            interactive["action"]!["buttons"]!.AsArray().Select(b => b!["reply"]!["id"]!.GetValue<string>()));
        Assert.All(interactive["action"]!["buttons"]!.AsArray(), b => Assert.Equal("reply", b!["type"]!.GetValue<string>()));
        var conversationId = await AgentTestData.ScalarAsync<Guid>(fixture.DataSource,
            "SELECT conversation_id FROM messages WHERE external_id = $1", customer.LastMessageId);
        Assert.Contains("Shall I confirm", await AgentTestData.ScalarAsync<string>(fixture.DataSource, """
            SELECT text FROM messages WHERE conversation_id = $1 AND direction = 'outbound' AND payload ? 'choices'
            """, conversationId));
        var number = await AgentTestData.ScalarAsync<long>(fixture.DataSource,
            "SELECT number FROM orders WHERE conversation_id = $1 AND status = 'confirmed'", conversationId);
        Assert.Contains($"#{number} is confirmed", confirmed.Text);
        Assert.Equal("text", confirmed.Body["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task SeveralMatchesComeAsAListAndAListReplyChoosesTheProduct()
    {
        var shop = await AgentTestData.CreateShopAsync(fixture.DataSource, fixture.Secrets, "whatsapp");
        await AgentTestData.AddProductAsync(fixture.DataSource, shop.MerchantId, "ABY-1", "Black Abaya", 300m);
        await AgentTestData.AddProductAsync(fixture.DataSource, shop.MerchantId, "ABY-2", "Embroidered Abaya", 450m);
        using var api = fixture.App.CreateHttpClient("api");
        var customer = new CommerceCustomer(api, shop);

        await customer.TextAsync("I want to order an abaya");
        var list = await ReplyAsync(shop, 1);
        var rows = list.Body["interactive"]!["action"]!["sections"]![0]!["rows"]!.AsArray();
        var second = rows[1]!["title"]!.GetValue<string>();
        await customer.TapAsync("list_reply", rows[1]!["id"]!.GetValue<string>(), second);
        var added = await ReplyAsync(shop, 2);

        Assert.Equal("list", list.Body["interactive"]!["type"]!.GetValue<string>());
        Assert.Equal("Choose", list.Body["interactive"]!["action"]!["button"]!.GetValue<string>());
        Assert.Equal(["aisales:pick:1", "aisales:pick:2"], rows.Select(r => r!["id"]!.GetValue<string>()));
        Assert.StartsWith("2. ", second);
        Assert.Contains($"1 × {second[3..]}", added.Text);
    }

    [Fact]
    public async Task AnInstagramQuickReplyChoosesTheProduct()
    {
        var shop = await AgentTestData.CreateShopAsync(fixture.DataSource, fixture.Secrets, "instagram");
        await AgentTestData.AddProductAsync(fixture.DataSource, shop.MerchantId, "ABY-1", "عباية سوداء", 300m);
        await AgentTestData.AddProductAsync(fixture.DataSource, shop.MerchantId, "ABY-2", "عباية مطرزة", 450m);
        using var api = fixture.App.CreateHttpClient("api");
        var customer = new CommerceCustomer(api, shop);

        await customer.TextAsync("أبغى أطلب عباية");
        var offer = await ReplyAsync(shop, 1);
        var quickReplies = offer.Body["message"]!["quick_replies"]!.AsArray();
        var first = quickReplies[0]!;
        await customer.QuickReplyAsync(first["title"]!.GetValue<string>(), first["payload"]!.GetValue<string>());
        var added = await ReplyAsync(shop, 2);

        Assert.Equal("RESPONSE", offer.Body["messaging_type"]!.GetValue<string>());
        Assert.Equal(["aisales:pick:1", "aisales:pick:2"], quickReplies.Select(q => q!["payload"]!.GetValue<string>()));
        Assert.All(quickReplies, q => Assert.Equal("text", q!["content_type"]!.GetValue<string>()));
        Assert.Contains(first["title"]!.GetValue<string>()[3..], added.Text);
        Assert.Contains("اسمك", added.Text);
    }

    [Fact]
    public async Task WithTheMerchantsSwitchOffTheListIsPlainText()
    {
        var shop = await AgentTestData.CreateShopAsync(fixture.DataSource, fixture.Secrets, "whatsapp");
        await AgentTestData.ScalarAsync<int>(fixture.DataSource, "UPDATE merchants SET interactive_replies = false WHERE id = $1 RETURNING 1", shop.MerchantId);
        await AgentTestData.AddProductAsync(fixture.DataSource, shop.MerchantId, "ABY-1", "Black Abaya", 300m);
        await AgentTestData.AddProductAsync(fixture.DataSource, shop.MerchantId, "ABY-2", "Embroidered Abaya", 450m);
        using var api = fixture.App.CreateHttpClient("api");
        var customer = new CommerceCustomer(api, shop);

        await customer.TextAsync("I want to order an abaya");
        var reply = await ReplyAsync(shop, 1);

        Assert.Equal("text", reply.Body["type"]!.GetValue<string>());
        Assert.Contains("1. ", reply.Text);
        Assert.Contains("2. ", reply.Text);
    }

    [Fact]
    public async Task AChannelThatRefusesTheListGetsPlainText()
    {
        var shop = await AgentTestData.CreateShopAsync(fixture.DataSource, fixture.Secrets, "whatsapp");
        await AgentTestData.AddProductAsync(fixture.DataSource, shop.MerchantId, "ABY-1", "Black Abaya", 300m);
        await AgentTestData.AddProductAsync(fixture.DataSource, shop.MerchantId, "ABY-2", "Embroidered Abaya", 450m);
        fixture.Graph.FailNext(shop.AccountId, 400, 100);
        using var api = fixture.App.CreateHttpClient("api");
        var customer = new CommerceCustomer(api, shop);

        await customer.TextAsync("I want to order an abaya");
        var sends = await fixture.Graph.WaitForAsync(shop.AccountId, 2, s_replyTimeout);

        Assert.Equal("interactive", sends[0].Body["type"]!.GetValue<string>());
        Assert.Equal(400, sends[0].StatusCode);
        Assert.Equal("text", sends[1].Body["type"]!.GetValue<string>());
        Assert.True(sends[1].Accepted);
        Assert.Contains("2. ", sends[1].Text);
    }
}
