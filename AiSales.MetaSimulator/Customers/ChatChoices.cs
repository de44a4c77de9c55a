using System.Text.Json.Nodes;

namespace AiSales.MetaSimulator.Customers;

/// <summary>One choice the shop offered under a bubble: a reply button, a list row or a quick reply.</summary>
public sealed record ChatChoice(string Id, string Title, string? Description = null);

/// <summary>
/// Reads the choices out of a send to the Graph fake, with Meta's limits: WhatsApp <c>interactive</c> reply buttons
/// (≤ 3, titles ≤ 20) and lists (≤ 10 rows, titles ≤ 24), Instagram <c>quick_replies</c> (≤ 13, titles ≤ 20).
/// WhatsApp product and product-list messages (≤ 30 items from a catalogue) are product cards; their tap kind is
/// "order": tapping one sends a cart with that product. Otherwise the tap kind is what the customer's webhook will
/// carry: button_reply, list_reply or quick_reply.
/// </summary>
public static class ChatChoices
{
    /// <summary>(text, tap kind, choices) of a WhatsApp interactive body, or a problem in Meta's words.</summary>
    public static (string? Text, string? Kind, IReadOnlyList<ChatChoice> Choices, string? Problem) WhatsApp(JsonNode? interactive)
    {
        var text = interactive?["body"]?["text"]?.GetValue<string>();
        if (string.IsNullOrEmpty(text))
        {
            return (null, null, [], "(#100) The parameter interactive['body']['text'] is required.");
        }

        switch (interactive?["type"]?.GetValue<string>())
        {
            case "button":
                var buttons = Items(interactive["action"]?["buttons"])
                    .Select(b => new ChatChoice(Str(b?["reply"]?["id"]), Str(b?["reply"]?["title"]))).ToList();
                return buttons.Count is 0 or > 3 || buttons.Any(b => b.Id.Length == 0 || b.Title.Length is 0 or > 20)
                    ? (null, null, [], "(#131009) Parameter value is not valid: 1 to 3 buttons, each with an id and a title of at most 20 characters.")
                    : (text, "button_reply", buttons, null);
            case "list":
                var rows = Items(interactive["action"]?["sections"]).SelectMany(s => Items(s?["rows"]))
                    .Select(r => new ChatChoice(Str(r?["id"]), Str(r?["title"]), r?["description"]?.GetValue<string>())).ToList();
                var button = Str(interactive["action"]?["button"]);
                return rows.Count is 0 or > 10 || button.Length is 0 or > 20 || rows.Any(r => r.Id.Length == 0 || r.Title.Length is 0 or > 24)
                    ? (null, null, [], "(#131009) Parameter value is not valid: a button label, 1 to 10 rows, each with an id and a title of at most 24 characters.")
                    : (text, "list_reply", rows, null);
            case "product" or "product_list":
                var action = interactive["action"];
                var skus = interactive["type"]!.GetValue<string>() == "product"
                    ? [Str(action?["product_retailer_id"])]
                    : Items(action?["sections"]).SelectMany(s => Items(s?["product_items"])).Select(p => Str(p?["product_retailer_id"])).ToList();
                var header = interactive["type"]!.GetValue<string>() == "product" || interactive["header"]?["type"]?.GetValue<string>() == "text";
                return Str(action?["catalog_id"]).Length == 0 || !header || skus.Count is 0 or > 30 || skus.Any(s => s.Length == 0)
                    ? (null, null, [], "(#131009) Parameter value is not valid: a catalog_id, a text header for a list, 1 to 30 product_retailer_id.")
                    : (text, "order", [.. skus.Select(Card)], null);
            default:
                return (null, null, [], "(#100) The simulator supports interactive button, list, product and product list messages.");
        }
    }

    /// <summary>The quick replies of an Instagram message (none when absent), or a problem in Meta's words.</summary>
    public static (IReadOnlyList<ChatChoice> Choices, string? Problem) Instagram(JsonNode? message)
    {
        var quickReplies = Items(message?["quick_replies"])
            .Select(q => new ChatChoice(Str(q?["payload"]), Str(q?["title"]))).ToList();
        return quickReplies.Count > 13 || quickReplies.Any(q => q.Title.Length is 0 or > 20)
            ? ([], "(#100) At most 13 quick replies, each with a title of at most 20 characters.")
            : (quickReplies, null);
    }

    /// <summary>A product card as WhatsApp draws it from the catalogue: its name and price (the demo catalogue's), else the SKU.</summary>
    private static ChatChoice Card(string sku) => Demo.DemoCatalogue.Products.FirstOrDefault(p => p.Sku == sku) is { } product
        ? new ChatChoice(sku, product.Name, $"{product.Price.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} {product.Currency}")
        : new ChatChoice(sku, sku);

    private static IEnumerable<JsonNode?> Items(JsonNode? node) => node as JsonArray ?? [];

    private static string Str(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var s) ? s : "";
}
