namespace AiSales.Api.Stats;

/// <summary>An amount of money in one currency (orders never mix currencies, so revenue is kept per currency).</summary>
public sealed record CurrencyAmount(string Currency, decimal Amount);

/// <summary>
/// Agent turns by how they ended (agent_turns.outcome), and the replies (answered or handed over) by which model wrote
/// them: the built-in offline model or a language model (with AI__Provider=hybrid, the share each answered).
/// </summary>
public sealed record AiTurnCounts(long Answered, long Handoff, long Failed, long Superseded, long ByOfflineModel = 0, long ByLanguageModel = 0)
{
    public static readonly AiTurnCounts None = new(0, 0, 0, 0);

    public AiTurnCounts Add(AiTurnCounts other) =>
        new(Answered + other.Answered, Handoff + other.Handoff, Failed + other.Failed, Superseded + other.Superseded,
            ByOfflineModel + other.ByOfflineModel, ByLanguageModel + other.ByLanguageModel);
}

/// <summary>One UTC day of a merchant's activity; every day of the range is present, zeros included.</summary>
public sealed record StatsDay(
    DateOnly Date, long Conversations, long CustomerMessages, long AiReplies, long HumanReplies, long Handoffs,
    long OrdersConfirmed, IReadOnlyList<CurrencyAmount> Revenue, double? MedianFirstResponseSeconds,
    long ModelCalls, long PromptTokens, long CompletionTokens, AiTurnCounts AiTurns);

/// <summary>The whole range: sums of the days, and the median over every conversation created in it.</summary>
public sealed record StatsTotals(
    long Conversations, long CustomerMessages, long AiReplies, long HumanReplies, long Handoffs,
    long OrdersConfirmed, IReadOnlyList<CurrencyAmount> Revenue, double? MedianFirstResponseSeconds,
    long ModelCalls, long PromptTokens, long CompletionTokens, AiTurnCounts AiTurns);

public sealed record StatsReport(DateOnly From, DateOnly To, IReadOnlyList<StatsDay> Days, StatsTotals Totals);
