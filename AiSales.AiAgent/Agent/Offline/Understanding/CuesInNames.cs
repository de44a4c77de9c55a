namespace AiSales.AiAgent.Agent.Offline.Understanding;

/// <summary>
/// Cue words that are part of a product's name where they stand: «شحن» after «كيبلات» is charging, not delivery; «بودي» after «طقم» is a
/// bodysuit, not "I'd like". The reader drops such a match before it claims the words.
/// </summary>
internal static class CuesInNames
{
    // Delivery words that also name what a product does (charging, connecting), and the service nouns they complete as delivery.
    private static readonly HashSet<string> s_qualifiers = new(["شحن", "توصيل"], StringComparer.Ordinal);

    private static readonly HashSet<string> s_serviceNouns = new(
        new[] { "رسوم", "سعر", "تكلفة", "مدة", "وقت", "مصاريف", "اجور", "أجور", "طريقة", "شركة", "خدمة", "موعد", "تاريخ" }.Select(TextFolding.Fold),
        StringComparer.Ordinal);

    private static readonly HashSet<string> s_alsoNouns = new(["بودي"], StringComparer.Ordinal);

    /// <summary>
    /// «كيبلات شحن», «قاعدة شحن», «كيبل توصيل»: right after a product word, «شحن» is charging and «توصيل» connecting, part of the
    /// product's name rather than a delivery question; after a word of the service itself («رسوم شحن», «مدة توصيل») it is still delivery.
    /// </summary>
    public static bool Qualifies(MessageTokens message, List<PhraseMatch<Cue>> cues, PhraseMatch<Cue> cue)
    {
        if (cue.Length != 1 || cue.Start == 0 || !s_qualifiers.Contains(message.Words[cue.Start]))
        {
            return false;
        }

        var before = cue.Start - 1;
        var word = message.Words[before];
        return message.IsFree(before) && !cues.Any(c => c.Start <= before && before < c.End) && !message.BreakBefore(cue.Start, lineOnly: false)
            && word.Length >= 3 && TextFolding.IsArabicScript(word) && !s_serviceNouns.Contains(ArabicWord.StripArticle(word));
    }

    /// <summary>
    /// «طقم بودي قطن»: «بودي» is "I'd like" where a clause starts, a bodysuit right after a product word; there it is part of the name.
    /// </summary>
    public static bool AfterProduct(MessageTokens message, List<PhraseMatch<Cue>> cues, PhraseMatch<Cue> cue) =>
        cue.Length == 1 && cue.Value == Cue.Want && s_alsoNouns.Contains(message.Words[cue.Start]) && cue.Start > 0
        && message.IsFree(cue.Start - 1) && !cues.Any(c => c.Start <= cue.Start - 1 && cue.Start - 1 < c.End)
        && message.Words[cue.Start - 1].Length >= 3 && TextFolding.IsArabicScript(message.Words[cue.Start - 1]) && !message.BreakBefore(cue.Start, lineOnly: false);
}
