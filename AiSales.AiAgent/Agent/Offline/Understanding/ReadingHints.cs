namespace AiSales.AiAgent.Agent.Offline.Understanding;

/// <summary>The conversation's state that the reader needs to read a short answer, kept apart from the text so reading stays pure.</summary>
/// <param name="Awaiting">What the assistant asked for last.</param>
/// <param name="ShownCount">How many options the last list showed (0 when none): bounds a bare number read as a choice, and is "the last one".</param>
/// <param name="HandoffKeywords">The merchant's own words that mean "get me a person"; matched as whole folded words.</param>
public sealed record ReadingHints(Awaiting Awaiting, int ShownCount, IReadOnlyCollection<string> HandoffKeywords)
{
    /// <summary>Nothing asked, no list shown, no merchant keywords: the first message of a conversation.</summary>
    public static ReadingHints None { get; } = new(Awaiting.Nothing, 0, []);
}
