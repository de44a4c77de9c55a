namespace AiSales.AiAgent.Agent.Offline.Understanding;

/// <summary>
/// Cue words that are part of a product's name where they stand: «شحن» after «كيبلات» is charging, not delivery; «بودي» after «طقم» is a
/// bodysuit, not "I'd like"; «خلاص» after «تمر» is the khalas date, not "that's it". The reader drops such a match before it claims the words.
/// </summary>
internal static class CuesInNames
{
    // Delivery words that also name what a product does (charging, connecting), and the service nouns they complete as delivery.
    private static readonly HashSet<string> s_qualifiers = new(["شحن", "توصيل"], StringComparer.Ordinal);

    private static readonly HashSet<string> s_serviceNouns = new(
        new[] { "رسوم", "سعر", "تكلفة", "مدة", "وقت", "مصاريف", "اجور", "أجور", "طريقة", "شركة", "خدمة", "موعد", "تاريخ" }.Select(TextFolding.Fold),
        StringComparer.Ordinal);

    // Cue words that also name a product where a product word stands before them: «بودي» (a bodysuit; elsewhere "I'd like") and «خلاص»
    // (the Gulf's khalas dates; elsewhere "that's it").
    private static readonly Dictionary<string, Cue> s_alsoNouns = new(StringComparer.Ordinal) { ["بودي"] = Cue.Want, ["خلاص"] = Cue.Filler };

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

    // Whose people a word for staff names: "our staff", "for my manager" are the customer's own, not a person asked for.
    private static readonly HashSet<string> s_owners = new(["our", "my", "his", "her", "their", "for"], StringComparer.Ordinal);

    /// <summary>"gifts for our staff", "my manager asked me": a handoff noun after a possessive names someone's people, not a person to talk to.</summary>
    public static bool Owned(MessageTokens message, PhraseMatch<Cue> cue) =>
        cue.Value == Cue.Handoff && cue.Length == 1 && cue.Start > 0 && s_owners.Contains(message.Words[cue.Start - 1]);

    /// <summary>
    /// «طقم بودي قطن», «تمر خلاص»: «بودي» is "I'd like" and «خلاص» "that's it" where a clause starts, a product right after a product
    /// word; there it is part of the name.
    /// </summary>
    public static bool AfterProduct(MessageTokens message, List<PhraseMatch<Cue>> cues, PhraseMatch<Cue> cue) =>
        cue.Length == 1 && s_alsoNouns.TryGetValue(message.Words[cue.Start], out var means) && cue.Value == means && cue.Start > 0
        && message.IsFree(cue.Start - 1) && !cues.Any(c => c.Start <= cue.Start - 1 && cue.Start - 1 < c.End)
        && message.Words[cue.Start - 1].Length >= 3 && TextFolding.IsArabicScript(message.Words[cue.Start - 1]) && !message.BreakBefore(cue.Start, lineOnly: false);
}
