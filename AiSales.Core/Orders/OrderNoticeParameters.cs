using System.Globalization;
using System.Text.RegularExpressions;

namespace AiSales.Core.Orders;

/// <summary>
/// The body parameters of an order notice template, in this order (docs/templates.md): {{1}} the customer's name,
/// {{2}} the order number, {{3}} the total with its currency ("250.00 SAR"), {{4}} the items ("2 × Black abaya, 1 × Scarf").
/// A template takes the first N of them. Meta refuses empty parameters and ones with new lines, tabs or more than four
/// spaces in a row, so every value is cleaned and never empty.
/// </summary>
public static partial class OrderNoticeParameters
{
    public const int Available = 4;
    private const int MaxLength = 200;

    public static IReadOnlyList<string> For(
        string? customerName, long number, decimal total, string? currency, string? items, string language, int count)
    {
        var all = new[]
        {
            Clean(customerName) ?? (language.StartsWith("ar", StringComparison.Ordinal) ? "عميلنا العزيز" : "there"),
            number.ToString(CultureInfo.InvariantCulture),
            $"{total.ToString("0.00", CultureInfo.InvariantCulture)} {currency?.Trim()}".Trim(),
            Clean(items) ?? "—",
        };
        return all.Take(Math.Clamp(count, 0, Available)).ToList();
    }

    private static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = Whitespace().Replace(value.Trim(), " ");
        return text.Length <= MaxLength ? text : text[..(MaxLength - 1)] + "…";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
