namespace AiSales.Tests.Agent;

/// <summary>AI__Provider=hybrid: the offline model answers what it is sure of, the LLM the rest, and each turn says which.</summary>
[Collection(AgentCollection.Name)]
public sealed class AgentHybridTests(AgentFixture fixture)
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task TheOfflineModelAnswersWhatItIsSureOfAndTheLanguageModelTheRest()
    {
        await using var openAi = await AgentFakeOpenAI.StartAsync();
        openAi.Tool = null;
        var database = await fixture.CreateMigratedDatabaseAsync();
        await using var db = Npgsql.NpgsqlDataSource.Create(database);
        await using var agent = fixture.StartAgent(database, null, openAi.AgentEnvironment("hybrid"));
        var shop = await AgentTestData.CreateShopAsync(db, fixture.Secrets, "whatsapp");
        var customer = AgentTestData.NewCustomer("whatsapp");

        var inbound = await AgentTestData.SimulateInboundAsync(db, null, shop, customer, "شكراً جزيلاً");
        var thanks = (await fixture.Graph.WaitForAsync(shop.AccountId, 1, s_timeout))[^1].Text;
        await AgentTestData.SimulateInboundAsync(db, null, shop, customer, "zorblax quuxifier wibble");
        var guess = (await fixture.Graph.WaitForAsync(shop.AccountId, 2, s_timeout))[^1].Text;

        Assert.Contains("العفو", thanks);
        Assert.StartsWith("You said: zorblax", guess);
        Assert.Single(openAi.Requests);
        Assert.Equal("offline,openai", await AgentTestData.ScalarAsync<string>(db,
            "SELECT string_agg(provider, ',' ORDER BY created_at) FROM agent_turns WHERE conversation_id = $1", inbound.ConversationId));
    }
}
