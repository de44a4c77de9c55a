using System.Net.Http.Json;
using System.Text.Json;

namespace AiSales.Tests.Simulator;

/// <summary>
/// Whole conversations through the real chain: signed webhooks from the simulator, ingestion, the agent,
/// delivery to the (simulated) Graph API, and the outcome read through the merchant API.
/// </summary>
[Collection(AppHostCollection.Name)]
public sealed class SignedWebhookConversationTests(AppHostFixture fixture)
{
    [Fact]
    public async Task OrderConversationEndsWithAConfirmedOrderVisibleThroughTheOrdersApi()
    {
        var shop = await SimulatedShop.CreateAsync(fixture, "whatsapp", "Order journey shop");
        await shop.AddProductAsync("Blue Kaftan", 149.50m);

        var first = await shop.CustomerWritesAndGetsReplyAsync("I want to order 2 blue kaftans");
        var second = await shop.CustomerWritesAndGetsReplyAsync("Sara Ahmed");
        var third = await shop.CustomerWritesAndGetsReplyAsync("12 King Fahd Road, Riyadh");
        var confirmation = await shop.CustomerWritesAndGetsReplyAsync("yes");

        Assert.Contains("Blue Kaftan", first);
        Assert.Contains("name", first);
        Assert.Contains("address", second);
        Assert.Contains("299", third);
        var orders = await shop.Api.GetFromJsonAsync<JsonElement>("/api/orders?status=confirmed");
        var order = Assert.Single(orders.GetProperty("items").EnumerateArray());
        var detail = await shop.Api.GetFromJsonAsync<JsonElement>($"/api/orders/{order.GetProperty("id").GetString()}");
        Assert.Equal(299m, detail.GetProperty("total").GetDecimal());
        Assert.Equal("Sara Ahmed", detail.GetProperty("customerName").GetString());
        var item = Assert.Single(detail.GetProperty("items").EnumerateArray());
        Assert.Equal("Blue Kaftan", item.GetProperty("name").GetString());
        Assert.Equal(2, item.GetProperty("quantity").GetInt32());
        Assert.Contains(detail.GetProperty("number").GetInt64().ToString(), confirmation);
    }

    [Fact]
    public async Task ArabicHandoffRequestHandsOverAndTheNextMessageGetsNoReply()
    {
        var shop = await SimulatedShop.CreateAsync(fixture, "whatsapp", "متجر التسليم");

        var handoff = await shop.CustomerWritesAndGetsReplyAsync("أبي أكلم موظف");
        await shop.CustomerWritesAsync("بكم الحقيبة السوداء؟");
        await Task.Delay(TimeSpan.FromSeconds(4));

        Assert.Matches("[\u0600-\u06FF]", handoff);
        Assert.Single(await shop.SentRepliesAsync());
        var conversations = await shop.Api.GetFromJsonAsync<JsonElement>("/api/conversations?status=human");
        Assert.Single(conversations.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task ACustomerPhotoFromTheSimulatorIsFetchedStoredAndServedToTheMerchant()
    {
        var shop = await SimulatedShop.CreateAsync(fixture, "whatsapp", "Photo shop");

        using (var sent = await shop.Simulator.PostAsJsonAsync($"/simulator/chats/whatsapp/{shop.Customer}/image?account={shop.AccountId}", new { text = "" }))
        {
            Assert.Equal(200, (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiStatus").GetInt32());
        }

        JsonElement media = default;
        await shop.WaitForAsync(async () =>
        {
            var conversations = await shop.Api.GetFromJsonAsync<JsonElement>("/api/conversations");
            if (conversations.GetProperty("items").EnumerateArray().FirstOrDefault() is not { ValueKind: JsonValueKind.Object } conversation)
            {
                return false;
            }

            var messages = await shop.Api.GetFromJsonAsync<JsonElement>($"/api/conversations/{conversation.GetProperty("id").GetString()}/messages");
            media = messages.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("media"))
                .FirstOrDefault(m => m.ValueKind == JsonValueKind.Object);
            return media.ValueKind == JsonValueKind.Object && media.GetProperty("state").GetString() == "stored";
        });
        using var file = await shop.Api.GetAsync($"/api/media/{media.GetProperty("id").GetString()}");

        Assert.Equal("image/png", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal(media.GetProperty("size").GetInt64(), (await file.Content.ReadAsByteArrayAsync()).LongLength);
    }
}
