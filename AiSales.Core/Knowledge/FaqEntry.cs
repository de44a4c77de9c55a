namespace AiSales.Core.Knowledge;

/// <summary>One entry of a merchant's faq (merchants.faq): a question customers ask about the shop and its answer.</summary>
public sealed record FaqEntry(string Question, string Answer)
{
    public const int MaxEntries = 200;
    public const int MaxQuestionLength = 300;
    public const int MaxAnswerLength = 2000;
}
