using AiSales.AiAgent.Agent.Offline.Understanding.Lexicons;

namespace AiSales.AiAgent.Agent.Offline.Understanding;

/// <summary>
/// Reads a pick from the list just shown: ordinals ("الثانية", "التاني", "the 2nd"), a number after a lead ("رقم ٢", "no. 2", "option 3"),
/// "the last one", and — only when a pick was asked for — a bare number or a bare ordinal.
/// </summary>
internal static class ChoiceReader
{
    private static readonly PhraseTable<int> s_ordinals = new(NumberWords.Ordinals.Select(pair => (pair.Key, pair.Value))
        .Concat(NumberWords.Last.Select(word => (word, -1))));

    private static readonly PhraseTable<int> s_bareOrdinals = new(NumberWords.BareOrdinals.Select(pair => (pair.Key, pair.Value)));

    private static readonly PhraseTable<bool> s_everyShown = new(NumberWords.Both.Select(p => (p, true)).Concat(NumberWords.All.Select(p => (p, false))));

    /// <summary>
    /// "Both" (a list of two was shown) or "all of them" (any list): every product shown is picked. "the two" is not "2 of it" then,
    /// so the words are claimed before the quantities are read.
    /// </summary>
    public static bool Every(MessageTokens message, ReadingHints hints)
    {
        var match = s_everyShown.Find(message.Words, message.IsFree).FirstOrDefault(m => m.Value ? hints.ShownCount == 2 : hints.ShownCount >= 2);
        if (match.Length == 0)
        {
            return false;
        }

        message.Take(match.Start, match.Length, Claim.Choice);
        return true;
    }

    public static int? Read(MessageTokens message, ReadingHints hints)
    {
        var awaitingChoice = hints.Awaiting == Awaiting.Choice;
        for (var i = 0; i + 1 < message.Count; i++)
        {
            if (message.IsFree(i) && message.IsFree(i + 1) && NumberWords.ChoiceLeads.Contains(message.Words[i])
                && int.TryParse(message.Words[i + 1], out var n) && n is >= 1 and <= 30)
            {
                message.Take(i, 2, Claim.Choice);
                return n;
            }
        }

        foreach (var i in message.Free().Where(i => message.Tokens[i].IsNumber && message.Tokens[i].Start > 0 && message.Original[message.Tokens[i].Start - 1] == '#'))
        {
            message.Take(i, 1, Claim.Choice);
            return int.Parse(message.Words[i]);
        }

        var ordinal = s_ordinals.Find(message.Words, message.IsFree).FirstOrDefault(m => m.Value > 0 || hints.ShownCount > 0);
        if (ordinal.Length > 0)
        {
            message.Take(ordinal.Start, ordinal.Length, Claim.Choice);
            return ordinal.Value > 0 ? ordinal.Value : hints.ShownCount;
        }

        if (!awaitingChoice)
        {
            return null;
        }

        var bare = s_bareOrdinals.Find(message.Words, message.IsFree).FirstOrDefault();
        if (bare.Length > 0)
        {
            message.Take(bare.Start, bare.Length, Claim.Choice);
            return bare.Value;
        }

        var numbers = message.Free().Where(i => message.Tokens[i].IsNumber).ToList();
        if (numbers.Count == 1 && int.TryParse(message.Words[numbers[0]], out var pick) && pick >= 1
            && (hints.ShownCount == 0 ? pick <= 30 : pick <= hints.ShownCount)
            && !(numbers[0] + 1 < message.Count && NumberWords.Units.Contains(message.Words[numbers[0] + 1])))
        {
            message.Take(numbers[0], 1, Claim.Choice);
            return pick;
        }

        return null;
    }
}
