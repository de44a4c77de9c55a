namespace AiSales.AiAgent.Agent.Offline.Understanding;

/// <summary>
/// Everything the offline dialogue policy needs from one customer message, already separated: what the message does, the values
/// it states, and the words left over for a catalogue search. The policy never looks at the raw text again.
/// </summary>
/// <param name="Quantity">A stated quantity; for <see cref="Act.ChangeQuantity"/> the new total ("خلها ٣").</param>
/// <param name="Choice">1-based pick from the list just shown.</param>
/// <param name="ProductQuery">Folded content words for a catalogue search; "" when nothing is left.</param>
/// <param name="QuantityDelta">For a relative change ("زيد وحدة", "one less") the signed step, with Quantity null; null otherwise.</param>
/// <param name="PickAll">"Both" / «الاثنين» / "all of them": every product of the list just shown.</param>
/// <param name="HandoffKeyword">The message used one of the merchant's handoff keywords (the reason the merchant sees).</param>
/// <param name="Weight">A weight asked for, in grams («كيلوين», "half a kilo", "2 kg"): which boxes make it is the catalogue's to say.</param>
/// <param name="Pieces">Pieces said after a product word («علبة شوكولاتة 16 حبة»): the box of 16 when a name holds it, else a count.</param>
/// <param name="ColourWords">The colour words as written («سكري», "rose"): searched as product words when nothing else names one.</param>
public sealed record Reading(
    IReadOnlySet<Act> Acts,
    int? Quantity,
    int? Choice,
    IReadOnlyList<string> Colours,
    IReadOnlyList<string> Sizes,
    ProductAttribute? AskedAttribute,
    string ProductQuery,
    string? Name,
    string? Address,
    string? Phone,
    StoreTopic? Topic,
    int? QuantityDelta = null,
    bool PickAll = false,
    bool HandoffKeyword = false,
    int? Weight = null,
    IReadOnlyList<string>? ColourWords = null,
    int? Pieces = null)
{
    public bool Has(Act act) => Acts.Contains(act);
}
