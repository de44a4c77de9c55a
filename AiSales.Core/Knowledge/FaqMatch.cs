namespace AiSales.Core.Knowledge;

/// <summary>A faq entry ranked for a customer's message: its position in the faq and how well it matches (0–1).</summary>
public sealed record FaqMatch(FaqEntry Entry, int Index, double Score)
{
    /// <summary>True when the score reaches <see cref="FaqMatcher.AnswerThreshold"/>: this entry answers the message.</summary>
    public bool Answers => Score >= FaqMatcher.AnswerThreshold;
}
