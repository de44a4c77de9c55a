namespace AiSales.AiAgent.Agent.Model;

/// <summary>
/// Keeps the newest earlier messages that fit a token budget, so a long conversation never grows the prompt without
/// bound. Tokens are estimated without a tokenizer (about 4 characters per token for Latin script, 2 for Arabic, which
/// tokenizers split finer), erring on the side of keeping less.
/// </summary>
public static class HistoryBudget
{
    public static IReadOnlyList<HistoryMessage> Trim(IReadOnlyList<HistoryMessage> history, int tokenBudget)
    {
        var kept = 0;
        var used = 0;
        for (var i = history.Count - 1; i >= 0; i--)
        {
            used += EstimateTokens(history[i].Text);
            if (used > tokenBudget)
            {
                break;
            }

            kept++;
        }

        return kept == history.Count ? history : history.Skip(history.Count - kept).ToList();
    }

    public static int EstimateTokens(string text)
    {
        var arabic = 0;
        foreach (var c in text)
        {
            if (c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFEFF')
            {
                arabic++;
            }
        }

        // A few tokens per message for the role and separators.
        return 4 + (arabic + 1) / 2 + (text.Length - arabic + 3) / 4;
    }
}
