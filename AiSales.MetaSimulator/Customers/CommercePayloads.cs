using System.Globalization;
using System.Text.Json.Nodes;

namespace AiSales.MetaSimulator.Customers;

/// <summary>
/// The commerce webhooks a customer's taps and carts become, in Meta's documented shapes: a WhatsApp
/// <c>interactive</c> message (<c>button_reply</c> / <c>list_reply</c>), a WhatsApp <c>order</c> (a cart from the
/// catalogue), and an Instagram message with its <c>quick_reply.payload</c>.
/// </summary>
public static class CommercePayloads
{
    public const string DemoCatalogId = "1500900600300700";

    public static JsonObject WhatsAppTap(string customerPhone, string id, DateTimeOffset at, string kind, string choiceId, string title) =>
        WebhookPayloads.WhatsAppMessage(customerPhone, id, at, "interactive", new JsonObject
        {
            ["type"] = kind,
            [kind] = new JsonObject { ["id"] = choiceId, ["title"] = title },
        });

    public static JsonObject WhatsAppOrder(string customerPhone, string id, DateTimeOffset at, IEnumerable<(string Sku, int Quantity, decimal Price, string Currency)> lines) =>
        WebhookPayloads.WhatsAppMessage(customerPhone, id, at, "order", new JsonObject
        {
            ["catalog_id"] = DemoCatalogId,
            ["product_items"] = new JsonArray(lines.Select(l => (JsonNode)new JsonObject
            {
                ["product_retailer_id"] = l.Sku,
                ["quantity"] = l.Quantity.ToString(CultureInfo.InvariantCulture),
                ["item_price"] = l.Price.ToString(CultureInfo.InvariantCulture),
                ["currency"] = l.Currency,
            }).ToArray()),
        });

    public static JsonObject InstagramQuickReply(string accountId, string customerId, string mid, DateTimeOffset at, string title, string payload) =>
        WebhookPayloads.InstagramEvent(accountId, customerId, accountId, at, new JsonObject
        {
            ["message"] = new JsonObject { ["mid"] = mid, ["text"] = title, ["quick_reply"] = new JsonObject { ["payload"] = payload } },
        });
}
