using System.Globalization;
using System.Text.RegularExpressions;
using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.AiAgent.Agent.Offline.Dialogue;

/// <summary>
/// «الصغير», «الكبير», "the small one", "the big one" among look-alikes that differ by a measure in their names rather than by a size
/// letter ("Face Cream 50ml", "Face Cream 100ml"): the reader hears s or l; this finds the smallest or largest, or the next one up or
/// down from a line already ordered.
/// </summary>
public static partial class RelativeSize
{
    /// <summary>True for a size that can mean "smaller" or "bigger": s (small, «صغير») and l (large, big, «كبير»).</summary>
    public static bool IsRelative(string size) => size is "s" or "l";

    /// <summary>The measure a product's name carries (50 in "Face Cream 50ml", 250 in «ماسك 250 غرام»), or null.</summary>
    public static decimal? Amount(string name)
    {
        var match = MeasureInName().Match(TextFolding.Fold(name));
        return match.Success && decimal.TryParse(match.Groups[1].Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
            ? amount
            : null;
    }

    /// <summary>Of products that differ by their measure, the smallest for s, the largest for l; null when they do not.</summary>
    public static T? Pick<T>(IReadOnlyList<T> products, Func<T, string> name, string size) where T : class
    {
        var measured = products.Select(p => (Product: p, Amount: Amount(name(p)))).Where(p => p.Amount is not null).ToList();
        if (!IsRelative(size) || measured.Count < 2 || measured.Select(p => p.Amount).Distinct().Count() < 2)
        {
            return null;
        }

        return size == "s" ? measured.MinBy(p => p.Amount)!.Product : measured.MaxBy(p => p.Amount)!.Product;
    }

    /// <summary>True when <paramref name="candidate"/> measures more (l) or less (s) than <paramref name="current"/>.</summary>
    public static bool Beyond(string candidate, string current, string size) =>
        IsRelative(size) && Amount(candidate) is { } other && Amount(current) is { } now && (size == "l" ? other > now : other < now);

    [GeneratedRegex(@"(?<![\d.])(\d+(?:\.\d+)?)\s*(?:ml|مل|ملي|مللي|g|gm|gr|غرام|غ|جرام|kg|كغ|كيلو|l|لتر|oz)(?![\p{L}\d])")]
    private static partial Regex MeasureInName();
}
