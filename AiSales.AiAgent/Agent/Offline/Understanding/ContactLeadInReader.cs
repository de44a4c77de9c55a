using AiSales.AiAgent.Agent.Offline.Understanding.Lexicons;

namespace AiSales.AiAgent.Agent.Offline.Understanding;

/// <summary>
/// Reads details introduced by a lead-in ("اسمي نورة", "العنوان: الرياض حي النرجس", "my number is +966…"), anywhere in the message.
/// A value runs to the next lead-in or the end of its line; a name also stops at a comma, a number or its fourth word.
/// </summary>
internal static class ContactLeadInReader
{
    private static readonly PhraseTable<ContactField> s_leadIns =
        new(ContactLeadIns.Phrases.SelectMany(pair => pair.Value.Select(phrase => (phrase, pair.Key))));

    private static readonly PhraseTable<Cue> s_cues = CueLexicon.Table;

    public static void Read(MessageTokens message, IReadOnlyList<PhoneNumber> phones, Awaiting awaiting, Contact contact)
    {
        var leadIns = s_leadIns.Find(message.Words, message.IsFree)
            .Where(m => m.Value switch { ContactField.WeakName => awaiting == Awaiting.Name, ContactField.WeakAddress => awaiting == Awaiting.Address, _ => true })
            .Where(m => m.Start == 0 || !ContactLeadIns.QuestionBefore.Contains(message.Words[m.Start - 1]))
            .Where(m => m.Length > 1 || !ContactLeadIns.BareNouns.Contains(message.Words[m.Start]) || Announced(message, m.Start, awaiting))
            .ToList();
        foreach (var leadIn in leadIns)
        {
            var stop = leadIns.Where(m => m.Start >= leadIn.End).Select(m => m.Start).DefaultIfEmpty(message.Count).Min();
            var end = leadIn.End;
            while (end < stop && !(end > leadIn.End && message.BreakBefore(end)))
            {
                end++;
            }

            switch (leadIn.Value)
            {
                case ContactField.Phone when contact.Phone is null:
                    var phone = phones.FirstOrDefault(p => p.First >= leadIn.End && p.First <= Math.Max(end, leadIn.End + 1));
                    if (phone is not null)
                    {
                        contact.Phone = phone.Digits;
                        message.Take(leadIn.Start, leadIn.Length, Claim.Contact);
                    }

                    break;
                case ContactField.Name or ContactField.WeakName when contact.Name is null:
                    var name = NameTokens(message, leadIn.End, end);
                    if (name.Count > 0 && (leadIn.Value == ContactField.Name || !HasCue(message, name)))
                    {
                        contact.Name = message.Span(name[0], name[^1]);
                        message.Take(leadIn.Start, name[^1] - leadIn.Start + 1, Claim.Contact);
                    }

                    break;
                case ContactField.Address or ContactField.WeakAddress when contact.Address is null:
                    var address = Trim(message, Enumerable.Range(leadIn.End, end - leadIn.End).Where(i => message.Claims[i] != Claim.Phone).ToList());
                    if (address.Count > 0)
                    {
                        contact.Address = message.Span(address[0], address[^1]);
                        message.Take(leadIn.Start, address[^1] - leadIn.Start + 1, Claim.Contact);
                    }

                    break;
            }
        }
    }

    private static bool Announced(MessageTokens message, int at, Awaiting awaiting) =>
        awaiting is Awaiting.Name or Awaiting.Address or Awaiting.Phone || at == 0 || message.BreakBefore(at, lineOnly: false)
        || ContactLeadIns.ChangeBefore.Contains(message.Words[at - 1]) || message.Original.AsSpan(message.Tokens[at].End).TrimStart().StartsWith(":");

    private static List<int> NameTokens(MessageTokens message, int start, int end)
    {
        var name = new List<int>();
        for (var i = start; i < end && name.Count < 4 && message.Claims[i] == Claim.None; i++)
        {
            if (i > start && message.BreakBefore(i, lineOnly: false) || message.Tokens[i].IsNumber || message.Tokens[i].IsEmoji)
            {
                break;
            }

            name.Add(i);
        }

        return Trim(message, name);
    }

    /// <summary>Drops "هو"/"is" after a lead-in and the thanks or greeting a customer adds at the end.</summary>
    public static List<int> Trim(MessageTokens message, List<int> span)
    {
        var list = span.Where(i => !message.Tokens[i].IsEmoji).ToList();
        while (list.Count > 0 && message.Words[list[0]] is "هو" or "هي" or "is" or "يا" or "الي" or "to")
        {
            list.RemoveAt(0);
        }

        while (list.Count > 0 && (IsPoliteness(message.Words[list[^1]]) || message.Words[list[^1]] is "and" or "و" or "مع"))
        {
            list.RemoveAt(list.Count - 1);
        }

        return list;
    }

    private static bool IsPoliteness(string word) =>
        CueLexicon.SingleWordCues(word).Any(c => c is Cue.Courtesy or Cue.Greeting or Cue.Okay);

    private static bool HasCue(MessageTokens message, List<int> span) =>
        s_cues.Find(span.Select(i => message.Words[i]).ToList(), _ => true).Any(m => m.Value != Cue.Filler);
}
