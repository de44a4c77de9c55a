using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using static AiSales.Tests.Media.MediaTestData;

namespace AiSales.Tests.Media;

/// <summary>Contract sections 5 and 6: templates listed from the WhatsApp Business Account, and one sent after the 24-hour window.</summary>
[Collection(MediaCollection.Name)]
public sealed class TemplateTests(MediaFixture fixture)
{
    private static readonly object[] Templates =
    [
        new { name = "order_update", language = "ar", status = "APPROVED", category = "UTILITY", id = "1",
              components = new object[] { new { type = "BODY", text = "مرحبا {{1}}، طلبك {{2}} في الطريق" } } },
        new { name = "order_update", language = "en", status = "APPROVED", category = "UTILITY", id = "2",
              components = new object[] { new { type = "BODY", text = "Hi {{1}}, order {{2}} is on its way" } } },
        new { name = "spring_sale", language = "ar", status = "PENDING", category = "MARKETING", id = "3",
              components = new object[] { new { type = "BODY", text = "تخفيضات الربيع" } } },
    ];

    [Fact]
    public async Task TemplatesAreListedFromTheWhatsAppBusinessAccountEveryPage()
    {
        var shop = await CreateShopAsync(fixture, "whatsapp", wabaId: WebhookTestDataIds.NewMediaId());
        fixture.Graph.AddTemplates(shop.WabaId!, shop.Token, Templates);
        using var merchant = fixture.CreateApiClient(shop.ApiKey);

        using var response = await merchant.GetAsync("/api/templates", Timeout());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["order_update/ar/APPROVED", "order_update/en/APPROVED", "spring_sale/ar/PENDING"],
            items.Select(t => $"{t.GetProperty("name")}/{t.GetProperty("language")}/{t.GetProperty("status")}"));
        Assert.Equal(2, items[0].GetProperty("parameterCount").GetInt32());
    }

    [Fact]
    public async Task ATemplateIsSentToACustomerWhoseWindowClosedTwoDaysAgo()
    {
        var shop = await CreateShopAsync(fixture, "whatsapp", wabaId: WebhookTestDataIds.NewMediaId());
        fixture.Graph.AddTemplates(shop.WabaId!, shop.Token, Templates);
        var customer = "9665" + Random.Shared.Next(10_000_000, 99_999_999);
        var conversationId = await SeedConversationAsync(fixture, shop, customer, lastWrote: TimeSpan.FromHours(48));
        using var merchant = fixture.CreateApiClient(shop.ApiKey);

        using var freeForm = await merchant.PostAsJsonAsync($"/api/conversations/{conversationId}/messages", new { text = "hello?" }, Timeout());
        using var response = await merchant.PostAsJsonAsync($"/api/conversations/{conversationId}/template",
            new { name = "order_update", language = "ar", parameters = new[] { "نورة", "A-1024" } }, Timeout());

        Assert.Equal(HttpStatusCode.Conflict, freeForm.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var message = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("مرحبا نورة، طلبك A-1024 في الطريق", message.GetProperty("text").GetString());
        var sent = JsonNode.Parse(await WaitForSendAsync(shop.AccountId))!;
        var expected = JsonNode.Parse($$$"""
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"{{{customer}}}","type":"template",
             "template":{"name":"order_update","language":{"code":"ar"},
                         "components":[{"type":"body","parameters":[{"type":"text","text":"نورة"},{"type":"text","text":"A-1024"}]}]}}
            """)!.AsObject();
        expected["biz_opaque_callback_data"] = sent["biz_opaque_callback_data"]?.DeepClone();
        Assert.True(JsonNode.DeepEquals(expected, sent), sent.ToJsonString());
    }

    [Fact]
    public async Task ATemplateNotApprovedOrWithTheWrongParametersIsRefused()
    {
        var shop = await CreateShopAsync(fixture, "whatsapp", wabaId: WebhookTestDataIds.NewMediaId());
        fixture.Graph.AddTemplates(shop.WabaId!, shop.Token, Templates);
        var conversationId = await SeedConversationAsync(fixture, shop, "9665" + Random.Shared.Next(10_000_000, 99_999_999), TimeSpan.FromHours(1));
        using var merchant = fixture.CreateApiClient(shop.ApiKey);

        using var pending = await merchant.PostAsJsonAsync($"/api/conversations/{conversationId}/template",
            new { name = "spring_sale", language = "ar", parameters = Array.Empty<string>() }, Timeout());
        using var missing = await merchant.PostAsJsonAsync($"/api/conversations/{conversationId}/template",
            new { name = "order_update", language = "ar", parameters = new[] { "نورة" } }, Timeout());

        Assert.Equal(HttpStatusCode.BadRequest, pending.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Empty(fixture.Graph.SendsTo(shop.AccountId));
    }

    private async Task<string> WaitForSendAsync(string accountId)
    {
        var deadline = DateTime.UtcNow + WaitTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (fixture.Graph.SendsTo(accountId) is [var first, ..])
            {
                return first;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No send to {accountId} within {WaitTimeout}.");
    }

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;
}
