using System.Text.Json;

namespace AiSales.Tests.Conversations;

/// <summary>
/// Judges the conversation's order as the merchant sees it (GET /api/orders/{id}): status, lines (sku × quantity),
/// total, currency, and the customer's details stored without their lead-in («اسمي…», "my name is…», «العنوان…»).
/// </summary>
public static class OrderJudge
{
    private static readonly char[] s_edges = [' ', '.', ',', '،', ':', '-', '!', '؟', '?', '\n'];

    /// <param name="listed">The last numbered list, so that a line can be written "{2}": 1.</param>
    public static List<string> Judge(OrderExpectation expected, JsonElement? order, string customer, IReadOnlyDictionary<int, ShopProduct> listed)
    {
        var problems = new List<string>();
        var status = order?.GetProperty("status").GetString() ?? "none";
        if (!expected.Status.Contains(status))
        {
            problems.Add($"order status {status}, expected {string.Join(" or ", expected.Status)}");
        }

        if (order is not { } found)
        {
            return problems;
        }

        var lines = found.GetProperty("items").EnumerateArray()
            .GroupBy(i => i.GetProperty("sku").GetString()!)
            .ToDictionary(g => g.Key, g => g.Sum(i => i.GetProperty("quantity").GetInt32()));
        if (expected.Items is { } written)
        {
            var items = written.ToDictionary(
                l => l.Key.StartsWith('{') && listed.TryGetValue(int.Parse(l.Key.Trim('{', '}')), out var p) ? p.Sku : l.Key, l => l.Value);
            if (!lines.OrderBy(l => l.Key).SequenceEqual(items.OrderBy(l => l.Key)))
            {
                problems.Add($"order lines {Lines(lines)}, expected {Lines(items)}");
            }
        }

        foreach (var (sku, most) in expected.AtMost ?? [])
        {
            if (lines.GetValueOrDefault(sku) > most)
            {
                problems.Add($"order holds {lines[sku]} × {sku}, more than the {most} in stock");
            }
        }

        if (expected.Total is { } total && found.GetProperty("total").GetDecimal() != total)
        {
            problems.Add($"order total {found.GetProperty("total").GetDecimal()}, expected {total}");
        }

        Compare(problems, "currency", Text(found, "currency"), expected.Currency);
        Compare(problems, "customer name", Text(found, "customerName"), expected.Name);
        Compare(problems, "address", Text(found, "shippingAddress"), expected.Address);
        if (expected.Phone is { } phone)
        {
            var wanted = phone == "sender" ? customer : phone;
            var stored = Text(found, "customerPhone") ?? "";
            if (!SamePhone(stored, wanted))
            {
                problems.Add($"customer phone \"{stored}\", expected \"{wanted}\"");
            }
        }

        return problems;
    }

    private static void Compare(List<string> problems, string what, string? actual, string? expected)
    {
        if (expected is not null && ReplyJudge.Fold(actual ?? "").Trim(s_edges) != ReplyJudge.Fold(expected).Trim(s_edges))
        {
            problems.Add($"{what} \"{actual}\", expected \"{expected}\"");
        }
    }

    /// <summary>
    /// A phone number and nothing else (no «رقمي» or "my number is"), compared on the last 9 digits:
    /// 0501234567, +966 50 123 4567 and ٩٦٦٥٠١٢٣٤٥٦٧ are one number.
    /// </summary>
    private static bool SamePhone(string stored, string wanted)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(ReplyJudge.Fold(stored), @"^\+?[\d\s\-()]+$"))
        {
            return false;
        }

        var a = new string(ReplyJudge.Fold(stored).Where(char.IsAsciiDigit).ToArray());
        var b = new string(ReplyJudge.Fold(wanted).Where(char.IsAsciiDigit).ToArray());
        return a.Length >= 7 && b.Length >= 7 && a[^Math.Min(9, a.Length)..] == b[^Math.Min(9, b.Length)..];
    }

    private static string? Text(JsonElement order, string property) =>
        order.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Lines(IDictionary<string, int> lines) =>
        lines.Count == 0 ? "(none)" : string.Join(", ", lines.OrderBy(l => l.Key).Select(l => $"{l.Value} × {l.Key}"));
}
