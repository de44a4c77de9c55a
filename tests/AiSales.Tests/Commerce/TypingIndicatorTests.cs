using AiSales.Tests.Agent;

namespace AiSales.Tests.Commerce;

/// <summary>"Seen" and "typing…" when a turn starts (contract §5), observed by the fake Graph API before the reply.</summary>
[Collection(AgentCollection.Name)]
public sealed class TypingIndicatorTests(AgentFixture fixture)
{
    private static readonly TimeSpan s_replyTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task WhatsAppMarksTheLastMessageReadWithATypingIndicatorBeforeTheReply()
    {
        var shop = await AgentTestData.CreateShopAsync(fixture.DataSource, fixture.Secrets, "whatsapp");
        await AgentTestData.AddProductAsync(fixture.DataSource, shop.MerchantId, "ABY-1", "Black Abaya", 300m);
        using var api = fixture.App.CreateHttpClient("api");
        var customer = new CommerceCustomer(api, shop);

        await customer.TextAsync("How much is the black abaya?");
        var reply = (await fixture.Graph.WaitForAsync(shop.AccountId, 1, s_replyTimeout)).Single();

        var signal = Assert.Single(fixture.Graph.SignalsFor(shop.AccountId));
        Assert.Equal($"/v21.0/{shop.AccountId}/messages", signal.Path);
        Assert.Equal($"Bearer {shop.Token}", signal.Authorization);
        Assert.Equal(
            $$$"""{"messaging_product":"whatsapp","status":"read","message_id":"{{{customer.LastMessageId}}}","typing_indicator":{"type":"text"}}""",
            signal.Body.ToJsonString());
        Assert.True(signal.ReceivedAt <= reply.ReceivedAt, "the read receipt and typing indicator arrive before the reply");
        Assert.Contains("300", reply.Text);
    }

    [Fact]
    public async Task InstagramSendsMarkSeenThenTypingOnBeforeTheReply()
    {
        var shop = await AgentTestData.CreateShopAsync(fixture.DataSource, fixture.Secrets, "instagram");
        await AgentTestData.AddProductAsync(fixture.DataSource, shop.MerchantId, "ABY-1", "عباية سوداء", 300m);
        using var api = fixture.App.CreateHttpClient("api");
        var customer = new CommerceCustomer(api, shop);

        await customer.TextAsync("بكم العباية السوداء؟");
        var reply = (await fixture.Graph.WaitForAsync(shop.AccountId, 1, s_replyTimeout)).Single();

        var signals = fixture.Graph.SignalsFor(shop.AccountId);
        Assert.Equal(["mark_seen", "typing_on"], signals.Select(s => s.Body["sender_action"]!.GetValue<string>()));
        Assert.All(signals, s => Assert.Equal(customer.Id, s.Body["recipient"]!["id"]!.GetValue<string>()));
        Assert.All(signals, s => Assert.True(s.ReceivedAt <= reply.ReceivedAt, "sender actions arrive before the reply"));
        Assert.Contains("300", reply.Text);
    }
}
