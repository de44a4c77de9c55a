using System.Net;
using System.Text.Json.Nodes;
using AiSales.Tests.Agent;
using AiSales.Tests.Webhooks;

namespace AiSales.Tests.Commerce;

/// <summary>
/// A customer of a test shop writing through signed webhooks in Meta's documented shapes (contract §4): WhatsApp text,
/// a cart (<c>order</c>), a button or list tap (<c>interactive</c>); Instagram text and quick replies. Timestamps never go
/// backwards, so the messages keep their order.
/// </summary>
public sealed class CommerceCustomer(HttpClient api, AgentShop shop)
{
    private DateTimeOffset _last = DateTimeOffset.MinValue;

    public string Id { get; } = AgentTestData.NewCustomer(shop.Platform);

    /// <summary>The platform id of the last message sent (wamid or mid).</summary>
    public string LastMessageId { get; private set; } = "";

    public Task TextAsync(string text) => shop.Platform == "whatsapp"
        ? WhatsAppAsync(new JsonObject { ["type"] = "text", ["text"] = new JsonObject { ["body"] = text } })
        : InstagramAsync(new JsonObject { ["text"] = text });

    /// <summary>A WhatsApp cart: (sku, quantity, price shown, currency) per line.</summary>
    public Task CartAsync(params (string Sku, int Quantity, decimal Price, string Currency)[] lines) => WhatsAppAsync(new JsonObject
    {
        ["type"] = "order",
        ["order"] = new JsonObject
        {
            ["catalog_id"] = "1500900600300",
            ["product_items"] = new JsonArray(lines.Select(l => (JsonNode)new JsonObject
            {
                ["product_retailer_id"] = l.Sku,
                ["quantity"] = l.Quantity.ToString(),
                ["item_price"] = l.Price.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["currency"] = l.Currency,
            }).ToArray()),
        },
    });

    /// <summary>A tap on a reply button ("button_reply") or a list row ("list_reply").</summary>
    public Task TapAsync(string kind, string id, string title) => WhatsAppAsync(new JsonObject
    {
        ["type"] = "interactive",
        ["interactive"] = new JsonObject { ["type"] = kind, [kind] = new JsonObject { ["id"] = id, ["title"] = title } },
    });

    /// <summary>An Instagram quick reply: its title as text, its payload beside it.</summary>
    public Task QuickReplyAsync(string title, string payload) =>
        InstagramAsync(new JsonObject { ["text"] = title, ["quick_reply"] = new JsonObject { ["payload"] = payload } });

    private async Task WhatsAppAsync(JsonObject message)
    {
        Tick(TimeSpan.FromSeconds(1));
        LastMessageId = $"wamid.commerce{Guid.NewGuid():N}";
        message["from"] = Id;
        message["id"] = LastMessageId;
        message["timestamp"] = _last.ToUnixTimeSeconds().ToString();
        await PostAsync(new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = "1022" + shop.AccountId,
                ["changes"] = new JsonArray(new JsonObject
                {
                    ["field"] = "messages",
                    ["value"] = new JsonObject
                    {
                        ["messaging_product"] = "whatsapp",
                        ["metadata"] = new JsonObject { ["display_phone_number"] = "966500000000", ["phone_number_id"] = shop.AccountId },
                        ["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = "Sara" }, ["wa_id"] = Id }),
                        ["messages"] = new JsonArray(message),
                    },
                }),
            }),
        });
    }

    private async Task InstagramAsync(JsonObject message)
    {
        Tick(TimeSpan.FromMilliseconds(1));
        LastMessageId = $"aWdfcommerce{Guid.NewGuid():N}";
        message["mid"] = LastMessageId;
        await PostAsync(new JsonObject
        {
            ["object"] = "instagram",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = shop.AccountId,
                ["time"] = _last.ToUnixTimeMilliseconds(),
                ["messaging"] = new JsonArray(new JsonObject
                {
                    ["sender"] = new JsonObject { ["id"] = Id },
                    ["recipient"] = new JsonObject { ["id"] = shop.AccountId },
                    ["timestamp"] = _last.ToUnixTimeMilliseconds(),
                    ["message"] = message,
                }),
            }),
        });
    }

    private void Tick(TimeSpan step)
    {
        var now = DateTimeOffset.UtcNow;
        _last = now > _last + step ? now : _last + step;
    }

    private async Task PostAsync(JsonObject body)
    {
        using var response = await WebhookTestClient.PostAsync(api, shop.Platform, body.ToJsonString());
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST /webhooks/{shop.Platform}: {response.StatusCode}");
    }
}
