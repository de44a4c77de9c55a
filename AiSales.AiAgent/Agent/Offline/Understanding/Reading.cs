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
    bool HandoffKeyword = false)
{
    public bool Has(Act act) => Acts.Contains(act);
}
