namespace AiSales.AiAgent.Agent.Offline.Understanding;

/// <summary>What the cue resolver decided: the acts and the values that depend on them.</summary>
internal sealed record ResolvedActs(HashSet<Act> Acts, int? Quantity, int? QuantityDelta, ProductAttribute? Attribute, StoreTopic? Topic);

/// <summary>
/// Turns the cues found in a message into acts, applying the rules that make them mean what a shop assistant would hear: a price or
/// availability question is not a purchase, "تمام" confirms only when a confirmation was asked for, "في" asks availability only at the
/// start, "ما ابي الطلب" cancels while "ما ابي العطر" removes, and "خلها ٣" changes a quantity only when a number follows.
/// </summary>
internal static class CueResolver
{
    private static readonly Cue[] s_topics = [Cue.Delivery, Cue.Returns, Cue.Payment, Cue.Hours, Cue.Location];

    public static ResolvedActs Resolve(MessageTokens message, List<PhraseMatch<Cue>> cues, ReadingFacts facts, ReadingHints hints)
    {
        bool Has(Cue cue) => cues.Any(m => m.Value == cue);
        PhraseMatch<Cue>? First(params Cue[] wanted) => cues.Where(m => wanted.Contains(m.Value)).OrderBy(m => m.Start).Cast<PhraseMatch<Cue>?>().FirstOrDefault();
        bool AtLead(PhraseMatch<Cue> m) => Enumerable.Range(0, m.Start).All(i => message.Tokens[i].IsEmoji
            || cues.Any(c => c.Start <= i && i < c.End && c.Value is Cue.Greeting or Cue.Courtesy or Cue.Okay or Cue.Filler));

        var acts = new HashSet<Act>();
        var words = message.Tokens.Count(t => !t.IsEmoji);
        var noContent = facts.ContentWords == 0;
        var confirmation = hints.Awaiting == Awaiting.Confirmation;
        void Add(Act act, bool when)
        {
            if (when)
            {
                acts.Add(act);
            }
        }

        Add(Act.Handoff, Has(Cue.Handoff) || facts.HandoffKeyword);
        Add(Act.Greeting, Has(Cue.Greeting));
        var onlyPolite = cues.All(c => c.Value is Cue.ConfirmWeak or Cue.Confirm or Cue.Okay or Cue.Courtesy or Cue.Greeting or Cue.Filler);
        var weakConfirm = Has(Cue.ConfirmWeak) && noContent && onlyPolite && words <= 4;
        Add(Act.Courtesy, Has(Cue.Courtesy) || facts.CourtesyEmoji || Has(Cue.Okay) && !confirmation || weakConfirm && !confirmation);

        var topic = First(s_topics)?.Value switch
        {
            Cue.Delivery => StoreTopic.Delivery,
            Cue.Returns => StoreTopic.Returns,
            Cue.Payment => StoreTopic.Payment,
            Cue.Hours => StoreTopic.Hours,
            Cue.Location => StoreTopic.Location,
            _ => (StoreTopic?)null,
        };
        Add(Act.StoreQuestion, topic is not null);
        // "بكم الشحن", "هل في توصيل": a price or stock word next to a shop topic asks about the topic.
        var topics = cues.Where(m => s_topics.Contains(m.Value)).ToList();
        bool Adjacent(PhraseMatch<Cue> a, PhraseMatch<Cue> b)
        {
            var (from, to) = a.Start < b.Start ? (a.End, b.Start) : (b.End, a.Start);
            return !Conjunction(message, to) && Enumerable.Range(from, Math.Max(0, to - from))
                .All(i => !Conjunction(message, i) && cues.Any(c => c.Start <= i && i < c.End && c.Value == Cue.Filler));
        }

        bool AboutProduct(PhraseMatch<Cue> m) => topics.Count == 0 || facts.ContentWords + (facts.NamesProduct ? 1 : 0) > 0 && !topics.Any(t => Adjacent(m, t));
        Add(Act.AskPrice, cues.Any(m => m.Value is Cue.Price or Cue.PriceWeak && AboutProduct(m)));
        Add(Act.AskAvailability, cues.Any(m => (m.Value == Cue.Availability || m.Value == Cue.AvailabilityLead && AtLead(m)) && AboutProduct(m)));

        ProductAttribute? attribute = First(Cue.AskColour, Cue.AskSize, Cue.AskMaterial, Cue.AskVolume)?.Value switch
        {
            Cue.AskColour when facts.Colours == 0 => ProductAttribute.Colour,
            Cue.AskSize when facts.Sizes == 0 => ProductAttribute.Size,
            Cue.AskMaterial => ProductAttribute.Material,
            Cue.AskVolume when facts.Sizes == 0 => ProductAttribute.Volume,
            _ => null,
        };
        Add(Act.AskAttribute, attribute is not null);
        var alternative = First(Cue.Alternatives, Cue.AlternativeColour, Cue.AlternativeSize);
        if (alternative is { } alt)
        {
            acts.Add(Act.AskAlternatives);
            acts.Remove(Act.AskAttribute);
            attribute = alt.Value switch { Cue.AlternativeColour => ProductAttribute.Colour, Cue.AlternativeSize => ProductAttribute.Size, _ => attribute };
        }

        if (acts.Contains(Act.AskAttribute) || acts.Contains(Act.AskAlternatives))
        {
            acts.Remove(Act.AskAvailability);
        }

        var (quantity, delta) = QuantityChange(cues, facts);
        if (quantity is null && delta is null && Has(Cue.Change) && facts.Quantity is { } changed)
        {
            quantity = changed; // "ابغى اغير الكمية ل ٣", "change to 3"
        }

        Add(Act.ChangeQuantity, quantity is not null || delta is not null);

        var order = Has(Cue.OrderNoun);
        var product = facts.ContentWords > 0 || facts.NamesProduct;
        Add(Act.Remove, Has(Cue.Remove) && (product || !order) || Has(Cue.Cancel) && product && !order || Has(Cue.NotWant) && product && !order);
        Add(Act.Cancel, Has(Cue.Cancel) && (order || !product) || Has(Cue.Remove) && order && !product || Has(Cue.NotWant) && order);
        if (acts.Contains(Act.Remove) && facts.Quantity is { } less && !product && delta is null)
        {
            acts.Remove(Act.Remove); // "شيل وحدة" / "remove one": one fewer, not a line removed
            acts.Add(Act.ChangeQuantity);
            delta = -less;
        }

        Add(Act.ShowOrder, Has(Cue.ShowOrder) && !acts.Contains(Act.Cancel) && !acts.Contains(Act.Remove));

        // "ابغى" before a question is how the question is asked; "اطلب"/"order" still orders, unless nothing is named to order
        // ("send me your location"). "ابغى اغير ..." changes something already ordered.
        var asking = acts.Overlaps([Act.AskPrice, Act.AskAvailability, Act.AskAttribute, Act.AskAlternatives, Act.StoreQuestion]);
        var busy = acts.Overlaps([Act.Handoff, Act.Cancel, Act.Remove, Act.ShowOrder, Act.ChangeQuantity]) || Has(Cue.Change);
        Add(Act.Buy, !busy && (Has(Cue.Want) && !asking || (Has(Cue.Order) || Has(Cue.Add)) && (!asking || product)));

        var deny = Has(Cue.Deny) || cues.Any(m => m.Value == Cue.DenyLead && AtLead(m)) || Has(Cue.NotWant) && !product && !order;
        Add(Act.Deny, deny);
        Add(Act.Confirm, !deny && (Has(Cue.Confirm) && words <= 6 || weakConfirm && confirmation || Has(Cue.Okay) && confirmation && words <= 6));

        var detailAsked = hints.Awaiting is Awaiting.Name or Awaiting.Address or Awaiting.Phone;
        if (acts.Count == 0 && facts.ContentWords > 0 && !detailAsked && message.HasQuestionMark)
        {
            acts.Add(Act.AskAvailability); // "شنطة سودا؟" asks whether there is one
        }
        else if (acts.Count == 0 && facts.ContentWords > 0 && !detailAsked && facts.Quantity is not null)
        {
            acts.Add(Act.Buy); // "ثلاث حبات من المسك": a counted product is an order
        }

        return new ResolvedActs(acts, quantity, delta, attribute, topic);
    }

    // "وكم التوصيل", "and", a comma: a new clause starts here, so the words on either side are separate questions.
    private static bool Conjunction(MessageTokens message, int i) =>
        message.BreakBefore(i, lineOnly: false) || message.Words[i] is "و" or "and" or "or" or "او" or "also"
        || message.Words[i].Length > 2 && message.Words[i][0] == 'و' && !CueLexicon.SingleWordCues(message.Words[i]).Any();

    private static (int? Quantity, int? Delta) QuantityChange(List<PhraseMatch<Cue>> cues, ReadingFacts facts)
    {
        // "بدل ما هي وحدة خليها ثنتين", "make it 3 instead of 2": the number after "instead" is the old one.
        var old = cues.Where(c => c.Value == Cue.Instead)
            .Select(c => facts.Quantities.FirstOrDefault(q => q.At >= c.End && q.At <= c.End + 1))
            .Where(q => q.Value > 0)
            .ToHashSet();
        var stated = facts.Quantities.Where(q => !old.Contains(q)).ToList();
        int? After(PhraseMatch<Cue> cue) =>
            stated.Where(q => q.At >= cue.End).Select(q => (int?)q.Value).FirstOrDefault()
            ?? stated.Where(q => q.At < cue.Start).Select(q => (int?)q.Value).LastOrDefault();

        foreach (var cue in cues.OrderBy(c => c.Start))
        {
            switch (cue.Value)
            {
                case Cue.SetQuantity or Cue.Instead when After(cue) is { } total:
                    return (total, null);
                case Cue.IncreaseOne:
                    return (null, 1);
                case Cue.DecreaseOne:
                    return (null, -1);
                case Cue.Increase:
                    return (null, After(cue) ?? 1);
                case Cue.Decrease:
                    return (null, -(After(cue) ?? 1));
                case Cue.More when After(cue) is { } more:
                    return (null, more);
                case Cue.Less when After(cue) is { } fewer:
                    return (null, -fewer);
            }
        }

        return (null, null);
    }
}
