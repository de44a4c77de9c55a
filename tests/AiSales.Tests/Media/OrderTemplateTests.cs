using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AiSales.Tests.Agent;
using AiSales.Tests.Commerce;
using static AiSales.Tests.Media.MediaTestData;

namespace AiSales.Tests.Media;

/// <summary>
/// The merchant's optional utility templates on order confirmed / fulfilled (issue 14, docs/templates.md): checked
/// against the WhatsApp Business Account when set, then sent through the outbox when an order changes, outside the
/// 24-hour window too.
/// </summary>
[Collection(MediaCollection.Name)]
public sealed class OrderTemplateTests(MediaFixture fixture)
{
    private static readonly object[] Templates =
    [
        new { name = "order_confirmed", language = "en", status = "APPROVED", category = "UTILITY", id = "1",
              components = new object[] { new { type = "BODY", text = "Hi {{1}}, order #{{2}} is confirmed. Total: {{3}}." } } },
        new { name = "order_shipped", language = "en", status = "APPROVED", category = "UTILITY", id = "2",
              components = new object[] { new { type = "BODY", text = "Order #{{2}} for {{1}} is on its way: {{4}}" } } },
        new { name = "spring_sale", language = "en", status = "APPROVED", category = "MARKETING", id = "3",
              components = new object[] { new { type = "BODY", text = "Sale!" } } },
    ];

    [Fact]
    public async Task OrderTemplatesMustBeApprovedUtilityTemplatesOfTheAccount()
    {
        var shop = await CreateShopAsync(fixture, "whatsapp", wabaId: WebhookTestDataIds.NewMediaId());
        fixture.Graph.AddTemplates(shop.WabaId!, shop.Token, Templates);
        using var merchant = fixture.CreateApiClient(shop.ApiKey);

        using var marketing = await merchant.PutAsJsonAsync("/api/merchant/order-templates", new { confirmed = new { name = "spring_sale", language = "en" } }, Timeout());
        using var unknown = await merchant.PutAsJsonAsync("/api/merchant/order-templates", new { fulfilled = new { name = "nope", language = "en" } }, Timeout());
        using var malformed = await merchant.PutAsJsonAsync("/api/merchant/order-templates", new { fulfilled = new { name = "Bad Name", language = "english" } }, Timeout());
        using var set = await merchant.PutAsJsonAsync("/api/merchant/order-templates",
            new { confirmed = new { name = "order_confirmed", language = "en" }, fulfilled = new { name = "order_shipped", language = "en" } }, Timeout());
        var stored = await merchant.GetFromJsonAsync<JsonElement>("/api/merchant/order-templates", Timeout());
        using var cleared = await merchant.PutAsJsonAsync("/api/merchant/order-templates", new { }, Timeout());

        Assert.Equal(HttpStatusCode.BadRequest, marketing.StatusCode);
        Assert.Contains("UTILITY", await marketing.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal("order_confirmed", stored.GetProperty("confirmed").GetProperty("name").GetString());
        Assert.Equal(3, stored.GetProperty("confirmed").GetProperty("parameterCount").GetInt32());
        Assert.Equal(4, stored.GetProperty("fulfilled").GetProperty("parameterCount").GetInt32());
        var none = await cleared.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, none.GetProperty("confirmed").ValueKind);
        Assert.Equal(JsonValueKind.Null, none.GetProperty("fulfilled").ValueKind);
    }

    [Fact]
    public async Task AnOrderFulfilledByTheMerchantSendsTheFulfilledTemplateAfterTheWindowClosed()
    {
        var shop = await CreateShopAsync(fixture, "whatsapp", wabaId: WebhookTestDataIds.NewMediaId());
        fixture.Graph.AddTemplates(shop.WabaId!, shop.Token, Templates);
        using var merchant = fixture.CreateApiClient(shop.ApiKey);
        using var set = await merchant.PutAsJsonAsync("/api/merchant/order-templates", new { fulfilled = new { name = "order_shipped", language = "en" } }, Timeout());
        var conversationId = await SeedConversationAsync(fixture, shop, "9665" + Random.Shared.Next(10_000_000, 99_999_999), TimeSpan.FromHours(48));
        var (orderId, number) = await SeedConfirmedOrderAsync(shop, conversationId);

        using var fulfilled = await merchant.PatchAsJsonAsync($"/api/orders/{orderId}", new { status = "fulfilled" }, Timeout());

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fulfilled.StatusCode);
        var sent = (await MediaSends.WaitForAsync(fixture, shop.AccountId, 1, MediaSends.IsTemplate)).Single();
        Assert.Equal("order_shipped", sent["template"]!["name"]!.GetValue<string>());
        Assert.Equal(["Sara Ahmed", number.ToString(), "749.50 SAR", "2 × Black Abaya, 1 × Leather Bag"], MediaSends.TemplateParameters(sent));
        Assert.Equal($"template ai Order #{number} for Sara Ahmed is on its way: 2 × Black Abaya, 1 × Leather Bag",
            await AgentTestData.ScalarAsync<string>(fixture.DataSource,
                "SELECT kind || ' ' || author || ' ' || text FROM messages WHERE conversation_id = $1 AND direction = 'outbound'", conversationId));
    }

    [Fact]
    public async Task AnOrderConfirmedByTheAgentSendsTheConfirmedTemplate()
    {
        var shop = await CreateShopAsync(fixture, "whatsapp", wabaId: WebhookTestDataIds.NewMediaId());
        fixture.Graph.AddTemplates(shop.WabaId!, shop.Token, Templates);
        using var merchant = fixture.CreateApiClient(shop.ApiKey);
        using var set = await merchant.PutAsJsonAsync("/api/merchant/order-templates", new { confirmed = new { name = "order_confirmed", language = "en" } }, Timeout());
        await AgentTestData.AddProductAsync(fixture.DataSource, shop.MerchantId, "ABY-1", "Black Abaya", 300m);
        var channelId = await AgentTestData.ScalarAsync<Guid>(fixture.DataSource, "SELECT id FROM channels WHERE merchant_id = $1", shop.MerchantId);
        using var api = fixture.CreateApiClient();
        var customer = new CommerceCustomer(api, new AgentShop(shop.MerchantId, channelId, "whatsapp", shop.AccountId, shop.Token));

        await customer.CartAsync(("ABY-1", 2, 300m, "SAR"));
        await MediaSends.WaitForAsync(fixture, shop.AccountId, 1);
        var step = 1;
        foreach (var text in new[] { "Sara Ahmed", "12 King Fahd Road, Riyadh", "yes" })
        {
            await customer.TextAsync(text);
            await MediaSends.WaitForAsync(fixture, shop.AccountId, ++step, body => !MediaSends.IsTemplate(body));
        }

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var number = await AgentTestData.ScalarAsync<long>(fixture.DataSource, "SELECT number FROM orders WHERE merchant_id = $1 AND status = 'confirmed'", shop.MerchantId);
        var sent = (await MediaSends.WaitForAsync(fixture, shop.AccountId, 1, MediaSends.IsTemplate)).Single();
        Assert.Equal("order_confirmed", sent["template"]!["name"]!.GetValue<string>());
        Assert.Equal(customer.Id, sent["to"]!.GetValue<string>());
        Assert.Equal(["Sara Ahmed", number.ToString(), "600.00 SAR"], MediaSends.TemplateParameters(sent));
    }

    private async Task<(Guid OrderId, long Number)> SeedConfirmedOrderAsync(MediaShop shop, Guid conversationId)
    {
        await using var command = fixture.DataSource.CreateCommand("""
            WITH o AS (
                INSERT INTO orders (merchant_id, conversation_id, status, customer_name, currency, total, confirmed_at)
                VALUES ($1, $2, 'confirmed', 'Sara  Ahmed', 'SAR', 749.5, now()) RETURNING id, number),
            items AS (
                INSERT INTO order_items (order_id, sku, name, unit_price, quantity)
                SELECT o.id, v.sku, v.name, v.price, v.quantity FROM o,
                       (VALUES ('ABY-1', 'Black Abaya', 300.0, 2), ('BAG-9', 'Leather Bag', 149.5, 1)) v(sku, name, price, quantity))
            SELECT id, number FROM o
            """);
        command.Parameters.AddWithValue(shop.MerchantId);
        command.Parameters.AddWithValue(conversationId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetGuid(0), reader.GetInt64(1));
    }

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;
}
