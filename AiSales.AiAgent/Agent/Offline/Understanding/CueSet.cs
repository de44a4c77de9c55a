namespace AiSales.AiAgent.Agent.Offline.Understanding;

/// <summary>The cues found in one message, with the positional questions the act rules ask of them.</summary>
internal sealed class CueSet(MessageTokens message, IReadOnlyList<PhraseMatch<Cue>> matches)
{
    public static readonly Cue[] Topics = [Cue.Delivery, Cue.Returns, Cue.Payment, Cue.Hours, Cue.Location, Cue.Service];

    public IReadOnlyList<PhraseMatch<Cue>> Matches => matches;

    public bool Has(Cue cue) => matches.Any(m => m.Value == cue);

    public bool Has(Func<PhraseMatch<Cue>, bool> predicate) => matches.Any(predicate);

    public PhraseMatch<Cue>? First(params Cue[] wanted) =>
        matches.Where(m => wanted.Contains(m.Value)).OrderBy(m => m.Start).Cast<PhraseMatch<Cue>?>().FirstOrDefault();

    /// <summary>True when only greetings, thanks, okays and filler come before the cue: "هلا، في عطر؟" asks, "عطر في علبة" does not.</summary>
    public bool AtLead(PhraseMatch<Cue> cue) => Enumerable.Range(0, cue.Start).All(i => message.Tokens[i].IsEmoji
        || At(i).Any(c => c is Cue.Greeting or Cue.Courtesy or Cue.Okay or Cue.Filler));

    /// <summary>True when the cue's first word is in Arabic script («كمان», not "more").</summary>
    public bool IsArabic(PhraseMatch<Cue> cue) => TextFolding.IsArabicScript(message.Words[cue.Start]);

    /// <summary>True when every cue is politeness, a yes or filler.</summary>
    public bool OnlyPolite => matches.All(m => m.Value is Cue.ConfirmWeak or Cue.Confirm or Cue.Okay or Cue.Courtesy or Cue.Greeting or Cue.Filler);

    /// <summary>
    /// True when only filler separates two cues in one clause: "بكم الشحن" is the price of shipping, while in "سعره وكم التوصيل" the
    /// "و" starts a second question.
    /// </summary>
    public bool Adjacent(PhraseMatch<Cue> a, PhraseMatch<Cue> b)
    {
        var (from, to) = a.Start < b.Start ? (a.End, b.Start) : (b.End, a.Start);
        return !Conjunction(to) && Enumerable.Range(from, Math.Max(0, to - from)).All(i => !Conjunction(i) && At(i).Contains(Cue.Filler));
    }

    private IEnumerable<Cue> At(int i) => matches.Where(m => m.Start <= i && i < m.End).Select(m => m.Value);

    private bool Conjunction(int i) =>
        message.BreakBefore(i, lineOnly: false) || message.Words[i] is "و" or "and" or "or" or "او" or "also"
        || message.Words[i].Length > 2 && message.Words[i][0] == 'و' && !CueLexicon.SingleWordCues(message.Words[i]).Any();
}
