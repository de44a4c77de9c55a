using System.Globalization;
using System.Text.Json;

namespace AiSales.AiAgent.Agent.Carts;

/// <summary>One line of a WhatsApp cart: our SKU (Meta's product_retailer_id), how many, and the price the cart showed.</summary>
public sealed record CartLine(string Sku, int Quantity, decimal? ItemPrice, string? Currency);

/// <summary>
/// A cart the customer sent from the merchant's WhatsApp catalogue (an <c>order</c> message, contract §4 rule 7), read
/// from the message's stored payload. Pure and tolerant: Meta sends quantity and item_price as numbers or strings; a
/// line without a retailer id is dropped; the same SKU twice is one line with the quantities added.
/// </summary>
public sealed record Cart(IReadOnlyList<CartLine> Lines, string? Text)
{
    /// <summary>More lines than this are not read (Meta's carts hold at most 100 distinct items).</summary>
    public const int MaxLines = 100;

    /// <summary>The cart in a message payload (<c>{"order": {...}}</c>), or null when it holds none.</summary>
    public static Cart? FromPayload(string? payloadJson)
    {
        if (string.IsNullOrWhiteSpace(payloadJson))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(payloadJson);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("order", out var order) && order.ValueKind == JsonValueKind.Object
                ? Read(order)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Reads Meta's <c>order</c> object: <c>{catalog_id, text?, product_items: [{product_retailer_id, quantity, item_price, currency}]}</c>.</summary>
    public static Cart? Read(JsonElement order)
    {
        if (!order.TryGetProperty("product_items", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var lines = new List<CartLine>();
        foreach (var item in items.EnumerateArray().Take(MaxLines))
        {
            if (item.ValueKind != JsonValueKind.Object || String(item, "product_retailer_id")?.Trim() is not { Length: > 0 } sku)
            {
                continue;
            }

            var quantity = (int)Math.Clamp(Number(item, "quantity") ?? 1, 1, int.MaxValue);
            var at = lines.FindIndex(l => string.Equals(l.Sku, sku, StringComparison.Ordinal));
            if (at >= 0)
            {
                lines[at] = lines[at] with { Quantity = (int)Math.Min(int.MaxValue, (long)lines[at].Quantity + quantity) };
                continue;
            }

            lines.Add(new CartLine(sku, quantity, Number(item, "item_price"), String(item, "currency")?.Trim().ToUpperInvariant()));
        }

        return lines.Count == 0 ? null : new Cart(lines, String(order, "text"));
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static decimal? Number(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDecimal(out var number) => number,
            JsonValueKind.String when decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }
}
