using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.AiAgent.Agent.Offline.Dialogue;

/// <summary>
/// What a removal keeps: in «شيلي الميسيلار، بس الغسول» / "remove the toner, just keep the cream" the words after «بس», «فقط»,
/// "only", "just" or "keep" name what stays, so they do not choose the line to remove.
/// </summary>
public static class Kept
{
    private static readonly HashSet<string> s_keep = new(
        new[] { "بس", "فقط", "خلي", "خلّي", "وخلي", "خليلي", "ابقي", "ابقى", "only", "just", "keep", "leave" }.Select(TextFolding.Fold),
        StringComparer.Ordinal);

    /// <summary>The reading with the words of the kept part taken out of its product query.</summary>
    public static Reading Without(OfflineTurn turn)
    {
        var reading = turn.Reading;
        var tokens = TextFolding.Tokens(TextFolding.Fold(turn.CustomerText)).ToList();
        var at = tokens.FindIndex(1, t => s_keep.Contains(t));
        if (at < 0 || reading.ProductQuery.Length == 0)
        {
            return reading;
        }

        var kept = tokens.Skip(at + 1).Select(ArabicWord.StripArticle).ToHashSet(StringComparer.Ordinal);
        var removed = reading.ProductQuery.Split(' ').Where(w => !kept.Contains(ArabicWord.StripArticle(w))).ToList();
        return removed.Count == 0 ? reading : reading with { ProductQuery = string.Join(' ', removed) };
    }
}
