using System.Text.RegularExpressions;

namespace AiSales.Tests.Conversations;

/// <summary>
/// The products a reply offered as a numbered list ("1. …", "2) …", "١- …", "1️⃣ …"), by number, so that a later turn
/// can say "{2}" for "whatever the shop showed second" without the data depending on the agent's ranking.
/// </summary>
public static class NumberedList
{
    private static readonly Regex s_item = new(@"^[\s*_•\-]*(\d{1,2})\s*(?:[.)\-:]|\uFE0F?\u20E3)", RegexOptions.Multiline);

    public static Dictionary<int, ShopProduct> Read(string reply, IReadOnlyList<ShopProduct> catalogue)
    {
        var listed = new Dictionary<int, ShopProduct>();
        foreach (var line in reply.Replace("\r", "").Split('\n').Select(ReplyJudge.Fold))
        {
            if (s_item.Match(line) is not { Success: true } match)
            {
                continue;
            }

            var product = catalogue
                .SelectMany(p => Names(p).Select(n => (Product: p, Name: ReplyJudge.Fold(n))))
                .Where(c => line.Contains(c.Name, StringComparison.Ordinal))
                .OrderByDescending(c => c.Name.Length)
                .Select(c => c.Product)
                .FirstOrDefault();
            if (product is not null)
            {
                listed.TryAdd(int.Parse(match.Groups[1].Value), product);
            }
        }

        return listed;
    }

    /// <summary>
    /// The full name and each language's half ("Black Leather Bag | شنطة جلد سوداء"); a separator has spaces around
    /// it, so "USB-C Cable" stays whole.
    /// </summary>
    public static IEnumerable<string> Names(ShopProduct product) =>
        product.Name.Split([" | ", " - ", " – "], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Prepend(product.Name);

    /// <summary>"{2}" → the names of the product listed second; anything else stays as written.</summary>
    public static IReadOnlyList<string>? Expand(string expected, IReadOnlyDictionary<int, ShopProduct> listed) =>
        Regex.Match(expected, @"^\{(\d+)\}$") is { Success: true } m
            ? listed.TryGetValue(int.Parse(m.Groups[1].Value), out var product) ? Names(product).ToList() : null
            : [expected];
}
