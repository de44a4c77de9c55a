namespace AiSales.AiAgent.Agent.Offline.Understanding;

/// <summary>
/// Products sold as a box of so many pieces ("Chocolate Box, 32 pcs", «علبة شوكولاتة 32 حبة»): whether a name holds the pieces a customer
/// said, so «علبة الشوكولاتة ١٦ حبة» is the box of 16, not sixteen boxes.
/// </summary>
public static class PieceCounts
{
    /// <summary>The words that say "pieces" after a number (folded).</summary>
    public static readonly IReadOnlySet<string> Units = new HashSet<string>(
        new[] { "حبه", "حبات", "قطعه", "قطع", "piece", "pieces", "pcs", "pc" }.Select(TextFolding.Fold), StringComparer.Ordinal);

    /// <summary>True when the name says the product holds <paramref name="pieces"/> pieces ("32 pcs", «32 حبة», "32pcs").</summary>
    public static bool InName(string name, int pieces)
    {
        var words = TextFolding.Tokens(TextFolding.Fold(name));
        var number = pieces.ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] == number && i + 1 < words.Count && Units.Contains(words[i + 1]) || words[i] == number + "pcs" || words[i] == number + "pc")
            {
                return true;
            }
        }

        return false;
    }
}
