namespace AiSales.AiAgent.Agent.Offline.Understanding;

/// <summary>
/// Reads details written without a lead-in, which happens when the assistant has just asked for them: "نورة" after "what's your name?",
/// a bare address, or name, address and phone on separate lines. Text that does something else (asks, cancels, buys) is never taken.
/// </summary>
internal static class BareContactReader
{
    private static readonly Act[] s_politeOnly = [Act.Greeting, Act.Courtesy, Act.GiveName, Act.GiveAddress, Act.GivePhone];

    private static readonly Act[] s_notAnAddress =
        [Act.Handoff, Act.Cancel, Act.ShowOrder, Act.Deny, Act.Confirm, Act.AskPrice, Act.Buy, Act.Remove, Act.ChangeQuantity, Act.AskAlternatives, Act.AskAttribute];

    public static void Read(MessageTokens message, ISet<Act> acts, List<PhraseMatch<Cue>> cues, Awaiting awaiting, Contact contact)
    {
        var lines = Enumerable.Range(0, message.Count).GroupBy(message.Line).Select(g => g.ToList()).ToList();
        var askedForDetails = awaiting is Awaiting.Name or Awaiting.Address or Awaiting.Phone;
        if (lines.Count >= 2 && (askedForDetails || contact.Phone is not null || contact.Name is not null || contact.Address is not null))
        {
            foreach (var line in lines)
            {
                if (line.Any(i => message.Claims[i] == Claim.Contact))
                {
                    continue;
                }

                if (DoesSomething(line, cues))
                {
                    contact.OtherLinesAct = true;
                    continue;
                }

                Take(message, Polite(message, cues, line), contact, nameFirst: true);
            }

            return;
        }

        var all = Polite(message, cues, Enumerable.Range(0, message.Count).ToList());
        if (all.Count == 0 || message.HasQuestionMark)
        {
            return;
        }

        if (awaiting == Awaiting.Name && contact.Name is null && acts.All(s_politeOnly.Contains))
        {
            // "نورة محمد، الرياض حي النرجس": the name, then the address after the first comma.
            var cut = all.FindIndex(i => i != all[0] && message.BreakBefore(i, lineOnly: false));
            var name = cut < 0 ? all : all[..cut];
            if (name.Count <= 4 && !name.Any(i => message.Tokens[i].IsNumber) && !name.Any(i => message.Claims[i] == Claim.Cue && !IsFiller(cues, i)))
            {
                Take(message, name, contact, nameFirst: true);
                if (cut >= 0 && contact.Address is null)
                {
                    Take(message, all[cut..], contact, nameFirst: false);
                }
            }
        }
        else if (awaiting == Awaiting.Address && contact.Address is null && !acts.Overlaps(s_notAnAddress))
        {
            Take(message, all, contact, nameFirst: false);
        }
    }

    private static void Take(MessageTokens message, List<int> span, Contact contact, bool nameFirst)
    {
        span = span.Where(i => message.Claims[i] != Claim.Phone).ToList();
        if (span.Count == 0)
        {
            return;
        }

        var looksLikeName = span.Count <= 4 && !span.Any(i => message.Tokens[i].IsNumber);
        var text = message.Span(span[0], span[^1]);
        if (nameFirst && looksLikeName && contact.Name is null)
        {
            contact.Name = text;
        }
        else if (contact.Address is null)
        {
            contact.Address = text;
        }
        else
        {
            return;
        }

        contact.TookBareText = true;
        foreach (var i in span)
        {
            message.Claims[i] = Claim.Contact;
        }
    }

    // Greeting, thanks and emoji around the details are not part of them.
    private static List<int> Polite(MessageTokens message, List<PhraseMatch<Cue>> cues, List<int> span)
    {
        bool Politeness(int i) => message.Tokens[i].IsEmoji || message.Claims[i] == Claim.Phone
            || cues.Any(c => c.Start <= i && i < c.End && c.Value is Cue.Greeting or Cue.Courtesy or Cue.Okay);
        var list = span.SkipWhile(Politeness).ToList();
        while (list.Count > 0 && Politeness(list[^1]))
        {
            list.RemoveAt(list.Count - 1);
        }

        return list;
    }

    private static bool IsFiller(List<PhraseMatch<Cue>> cues, int i) =>
        cues.Where(c => c.Start <= i && i < c.End).All(c => c.Value is Cue.Filler or Cue.Greeting or Cue.Courtesy or Cue.Okay);

    private static bool DoesSomething(List<int> line, List<PhraseMatch<Cue>> cues) =>
        cues.Any(c => line.Contains(c.Start) && c.Value is not (Cue.Filler or Cue.Greeting or Cue.Courtesy or Cue.Okay or Cue.AvailabilityLead
            or Cue.OrderNoun or Cue.DenyLead or Cue.ConfirmWeak or Cue.Location or Cue.PriceWeak));
}
