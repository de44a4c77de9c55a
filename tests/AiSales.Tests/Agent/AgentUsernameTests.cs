namespace AiSales.Tests.Agent;

/// <summary>A WhatsApp customer known only by a business-scoped user id is answered through "recipient", as Meta documents.</summary>
[Collection(AgentCollection.Name)]
public sealed class AgentUsernameTests(AgentFixture fixture)
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ReplyToACustomerKnownOnlyByABusinessScopedUserIdIsSentWithRecipient()
    {
        var shop = await AgentTestData.CreateShopAsync(fixture.DataSource, fixture.Secrets, "whatsapp");
        await AgentTestData.AddProductAsync(fixture.DataSource, shop.MerchantId, "KAF-BLUE", "Blue Kaftan", 149.50m);
        var bsuid = $"SA.{Random.Shared.NextInt64(100_000_000_000_000, 999_999_999_999_999)}";

        await AgentTestData.SimulateInboundAsync(fixture.DataSource, fixture.Redis, shop, bsuid, "price of blue kaftan?");
        var requests = await fixture.Graph.WaitForAsync(shop.AccountId, 1, s_timeout);

        var send = Assert.Single(requests);
        Assert.Equal(bsuid, send.Body["recipient"]?.GetValue<string>());
        Assert.Null(send.Body["to"]);
        Assert.True(send.Accepted);
    }
}
