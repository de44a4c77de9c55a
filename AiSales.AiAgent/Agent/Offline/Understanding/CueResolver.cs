using AiSales.AiAgent.Agent.Offline.Understanding.Lexicons;

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
    public static ResolvedActs Resolve(MessageTokens message, List<PhraseMatch<Cue>> matches, ReadingFacts facts, ReadingHints hints)
    {
        var cues = new CueSet(message, matches);
        var acts = new HashSet<Act>();
        var words = message.Tokens.Count(t => !t.IsEmoji);
        var confirmation = hints.Awaiting == Awaiting.Confirmation;
        var weakYes = cues.Has(Cue.ConfirmWeak) && facts.ContentWords == 0 && cues.OnlyPolite && words <= 4;

        Add(acts, Act.Handoff, cues.Has(Cue.Handoff) || facts.HandoffKeyword);
        Add(acts, Act.Greeting, cues.Has(Cue.Greeting));
        Add(acts, Act.Courtesy, cues.Has(Cue.Courtesy) || facts.CourtesyEmoji || (cues.Has(Cue.Okay) || weakYes) && !confirmation);

        var topic = Questions(message, cues, facts, acts, out var attribute);
        var (quantity, delta) = OrderChanges(cues, facts, acts);

        // "ابغى" before a question is how the question is asked; "اطلب"/"order" still orders unless nothing is named to order
        // ("send me your location"); "ابغى اغير ..." changes what is already ordered.
        var asking = acts.Overlaps([Act.AskPrice, Act.AskAvailability, Act.AskAttribute, Act.AskAlternatives, Act.StoreQuestion]);
        var busy = acts.Overlaps([Act.Handoff, Act.Cancel, Act.Remove, Act.ShowOrder, Act.ChangeQuantity]) || cues.Has(Cue.Change);
        var ordering = cues.Has(Cue.Order) || cues.Has(Cue.Add) || QuantityChanges.AddsProduct(cues, facts);
        // "I want the gift card": a shop word ("card") beside a product named to buy does not turn the wish into a question; a service
        // asked about («تسوون تغليف هدايا؟ ابي اهديها لبنت اختي») does.
        var shopWordOnly = acts.Contains(Act.StoreQuestion) && !acts.Overlaps([Act.AskPrice, Act.AskAvailability, Act.AskAttribute, Act.AskAlternatives])
            && (topic is not null || !message.HasQuestionMark);
        Add(acts, Act.Buy, !busy && (cues.Has(Cue.Want) && (!asking || shopWordOnly && facts.AboutProduct || WantsAfterAsking(message, cues, acts))
            || ordering && (!asking || facts.AboutProduct)));

        var deny = cues.Has(Cue.Deny) || cues.Has(m => m.Value == Cue.DenyLead && cues.AtLead(m))
            || cues.Has(Cue.NotWant) && !facts.AboutProduct && !cues.Has(Cue.OrderNoun);
        // "ما ابيه" when asked to confirm refuses the order as much as it drops the item; the policy picks.
        Add(acts, Act.Deny, deny || confirmation && acts.Contains(Act.Remove) && !facts.AboutProduct);
        Add(acts, Act.Confirm, !deny && (cues.Has(Cue.Confirm) && words <= 6 || weakYes && confirmation || cues.Has(Cue.Okay) && confirmation && words <= 6));

        var detailAsked = hints.Awaiting is Awaiting.Name or Awaiting.Address or Awaiting.Phone;
        // «طيب والأحمر؟», "ok, in black?": an okay or a greeting before it does not make the question mere politeness.
        var onlyPolite = acts.All(a => a is Act.Courtesy or Act.Greeting);
        if (acts.Count == 0 && facts.ContentWords > 0 && !detailAsked)
        {
            Add(acts, Act.AskAvailability, message.HasQuestionMark); // "شنطة سودا؟" asks whether there is one
            Add(acts, Act.Buy, !message.HasQuestionMark && (facts.Quantity ?? facts.Pieces) is not null); // "ثلاث حبات من المسك" orders
        }
        else if (onlyPolite && facts.ContentWords == 0 && facts.Colours + facts.Sizes > 0 && message.HasQuestionMark && !detailAsked)
        {
            acts.Add(Act.AskAvailability); // «طب والـ M؟», "in black?": the same product, in that size or colour
        }

        return new ResolvedActs(acts, quantity, delta, attribute, topic);
    }

    /// <summary>
    /// «عندكم عجوة؟ ابي نص كيلو»: a wish said after the availability question, in a sentence of its own, is a wish to buy (unless the
    /// message also asks a price, a detail or about the shop: «عندكم عجوة؟ ابي اعرف سعرها»).
    /// </summary>
    private static bool WantsAfterAsking(MessageTokens message, CueSet cues, HashSet<Act> acts) =>
        acts.Contains(Act.AskAvailability) && !acts.Overlaps([Act.AskPrice, Act.AskAttribute, Act.AskAlternatives, Act.StoreQuestion])
        && cues.Matches.Any(want => want.Value == Cue.Want && cues.Matches.Any(asked => asked.Value is Cue.Availability or Cue.AvailabilityLead
            && asked.End <= want.Start && message.Original[message.Tokens[asked.End - 1].End..message.Tokens[want.Start].Start].IndexOfAny(['?', '؟']) >= 0));

    private static bool OnlyWhen(MessageTokens message, PhraseMatch<Cue> match) =>
        !Enumerable.Range(match.Start, match.Length).Any(i => message.Words[i] is var w
            && (w.Contains("توصيل", StringComparison.Ordinal) || w.Contains("شحن", StringComparison.Ordinal) || w.Contains("وصل", StringComparison.Ordinal)
                || w.StartsWith("deliver", StringComparison.Ordinal) || w.StartsWith("ship", StringComparison.Ordinal)));

    /// <summary>Shop topics, price, stock, attribute and alternative questions; returns the topic.</summary>
    private static StoreTopic? Questions(MessageTokens message, CueSet cues, ReadingFacts facts, HashSet<Act> acts, out ProductAttribute? attribute)
    {
        var topics = cues.Matches.Where(m => CueSet.Topics.Contains(m.Value)).ToList();
        // "do you offer cash on delivery?": the service word asks, the topic says what about.
        var shopMatch = cues.First(Cue.Delivery, Cue.Returns, Cue.Payment, Cue.Hours, Cue.Location);
        // "how many days", «كم يوم» ask when: delivery, unless another topic is named ("how many days do I have to return it?").
        if (shopMatch is { Value: Cue.Delivery } delivery && OnlyWhen(message, delivery) && cues.First(Cue.Returns, Cue.Payment, Cue.Hours, Cue.Location) is { } other)
        {
            shopMatch = other;
        }

        var shopCue = (shopMatch ?? cues.First(Cue.Service))?.Value;
        StoreTopic? topic = shopCue switch
        {
            Cue.Delivery => StoreTopic.Delivery,
            Cue.Returns => StoreTopic.Returns,
            Cue.Payment => StoreTopic.Payment,
            Cue.Hours => StoreTopic.Hours,
            Cue.Location => StoreTopic.Location,
            _ => null,
        };
        Add(acts, Act.StoreQuestion, shopCue is not null);

        // "بكم الشحن", "هل في توصيل": a price or stock word beside a shop topic asks about the topic, not a product.
        bool AboutProduct(PhraseMatch<Cue> m) => topics.Count == 0 || facts.AboutProduct && !topics.Any(t => cues.Adjacent(m, t));
        Add(acts, Act.AskPrice, cues.Has(m => m.Value is Cue.Price or Cue.PriceWeak && AboutProduct(m)));
        Add(acts, Act.AskAvailability, cues.Has(m => (m.Value == Cue.Availability || m.Value == Cue.AvailabilityLead && cues.AtLead(m)) && AboutProduct(m)));

        // A named size or colour answers its own question: "عندكم مقاس ٤٢؟" asks for stock, not for the sizes.
        attribute = cues.First(Cue.AskColour, Cue.AskSize, Cue.AskMaterial, Cue.AskVolume, Cue.AskAge, Cue.AskContents)?.Value switch
        {
            Cue.AskColour when facts.Colours == 0 => ProductAttribute.Colour,
            Cue.AskSize when facts.Sizes == 0 => ProductAttribute.Size,
            Cue.AskMaterial => ProductAttribute.Material,
            Cue.AskVolume when facts.Sizes == 0 => ProductAttribute.Volume,
            Cue.AskAge => ProductAttribute.Age,
            Cue.AskContents => ProductAttribute.Contents,
            // Not "is the 100 ml in stock?", "can I get the 100 ml?": those ask for stock or buy.
            _ when !cues.Has(m => m.Value is Cue.Availability or Cue.Price or Cue.Order or Cue.Want or Cue.Add) => MeasureQuestion(message),
            _ => null,
        };
        Add(acts, Act.AskAttribute, attribute is not null);
        if (cues.First(Cue.Alternatives, Cue.AlternativeColour, Cue.AlternativeSize) is { } alternative)
        {
            acts.Add(Act.AskAlternatives);
            acts.Remove(Act.AskAttribute);
            attribute = alternative.Value switch { Cue.AlternativeColour => ProductAttribute.Colour, Cue.AlternativeSize => ProductAttribute.Size, _ => attribute };
        }

        if (acts.Contains(Act.AskAttribute) || acts.Contains(Act.AskAlternatives))
        {
            acts.Remove(Act.AskAvailability);
        }

        return topic;
    }

    /// <summary>
    /// "Is the oud perfume 100 ml?", "does the black bag come in 30 cm?", «هل العطر ١٠٠ مل؟», "is it ok for a 3 year old?": a yes/no
    /// question about a measure or an age asks for the product's volume, size or ages, answered from its description (not its price).
    /// </summary>
    private static ProductAttribute? MeasureQuestion(MessageTokens message)
    {
        if (message.Count == 0 || !(message.HasQuestionMark || s_yesNoLeads.Contains(message.Words[0])))
        {
            return null;
        }

        for (var i = 0; i + 1 < message.Count; i++)
        {
            if (message.Words[i].All(char.IsAsciiDigit) && ArabicWord.StripArticle(message.Words[i + 1]) is var unit)
            {
                if (NumberWords.VolumeUnits.Contains(unit)) return ProductAttribute.Volume;
                if (NumberWords.LengthUnits.Contains(unit)) return ProductAttribute.Size;
                if (Sizes.AgeWords.Contains(unit)) return ProductAttribute.Age; // "is it ok for a 3 year old?", «يناسب عمر 3 سنين؟»
            }
        }

        return null;
    }

    private static readonly HashSet<string> s_yesNoLeads = ["is", "are", "does", "do", "هل"];

    /// <summary>Quantity changes, removing a line, cancelling and showing the order; returns the new quantity or the step.</summary>
    private static (int? Quantity, int? Delta) OrderChanges(CueSet cues, ReadingFacts facts, HashSet<Act> acts)
    {
        var (quantity, delta) = QuantityChanges.Read(cues, facts);
        if (quantity is null && delta is null && cues.Has(Cue.Change) && facts.Quantity is { } changed)
        {
            quantity = changed; // "ابغى اغير الكمية ل ٣"
        }

        // "ما ابي الطلب" cancels the order, "ما ابي العطر" removes a line; "احذف الطلب" cancels, "الغي العطر" removes.
        var order = cues.Has(Cue.OrderNoun);
        var product = facts.AboutProduct;
        Add(acts, Act.Remove, cues.Has(Cue.Remove) && (product || !order) || (cues.Has(Cue.Cancel) || cues.Has(Cue.NotWant)) && product && !order);
        Add(acts, Act.Cancel, cues.Has(Cue.Cancel) && (order || !product) || cues.Has(Cue.Remove) && order && !product || cues.Has(Cue.NotWant) && order);
        if (acts.Contains(Act.Remove) && facts.Quantity is { } fewer && !product && delta is null)
        {
            acts.Remove(Act.Remove); // "شيل وحدة", "remove one": one fewer, not a line removed
            delta = -fewer;
        }

        Add(acts, Act.ChangeQuantity, quantity is not null || delta is not null);
        // "make it the navy one", «خليه M بدل S»: the words that change a quantity, with a colour or size and no number, change the variant.
        Add(acts, Act.Swap, quantity is null && delta is null && facts.Colours + facts.Sizes > 0 && !acts.Overlaps([Act.Cancel, Act.Remove])
            && (cues.Has(Cue.SetQuantity) || cues.Has(Cue.Instead) || cues.Has(Cue.Change)));
        Add(acts, Act.ShowOrder, cues.Has(Cue.ShowOrder) && !acts.Contains(Act.Cancel) && !acts.Contains(Act.Remove));
        return (quantity, delta);
    }

    private static void Add(HashSet<Act> acts, Act act, bool when)
    {
        if (when)
        {
            acts.Add(act);
        }
    }
}
