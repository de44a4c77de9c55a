namespace AiSales.AiAgent.Agent.Offline.Understanding;

/// <summary>One folded word and where it came from, so a name or an address can be cut out of the original text in its own spelling.</summary>
/// <param name="Start">Index of the word's first character in the original text.</param>
/// <param name="End">Index just past its last character.</param>
internal sealed record FoldedToken(string Text, int Start, int End, bool IsEmoji = false)
{
    public bool IsNumber => Text.Length > 0 && Text.All(char.IsAsciiDigit);
}
