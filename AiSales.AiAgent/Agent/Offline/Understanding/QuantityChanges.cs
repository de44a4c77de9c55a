namespace AiSales.AiAgent.Agent.Offline.Understanding;

/// <summary>
/// Reads a change to a quantity already ordered: a new total ("خلها ٣", "make it 3") or a signed step ("زيد وحدة" +1, "one less" −1,
/// "2 more" +2). Words like "more" or "أكثر" change nothing without a number ("tell me more"), nor does «زيد» before a product with no
/// number: «زيد معها شاحن» adds a charger (<see cref="AddsProduct"/>).
/// </summary>
internal static class QuantityChanges
{
    public static (int? Quantity, int? Delta) Read(CueSet cues, ReadingFacts facts)
    {
        // "بدل ما هي وحدة خليها ثنتين", "make it 3 instead of 2": the number after "instead" is the old one.
        var old = cues.Matches.Where(c => c.Value == Cue.Instead)
            .Select(c => facts.Quantities.FirstOrDefault(q => q.At >= c.End && q.At <= c.End + 1))
            .Where(q => q.Value > 0)
            .ToHashSet();
        var stated = facts.Quantities.Where(q => !old.Contains(q)).ToList();
        int? Near(PhraseMatch<Cue> cue) =>
            stated.Where(q => q.At >= cue.End).Select(q => (int?)q.Value).FirstOrDefault()
            ?? stated.Where(q => q.At < cue.Start).Select(q => (int?)q.Value).LastOrDefault();

        foreach (var cue in cues.Matches.OrderBy(c => c.Start))
        {
            switch (cue.Value)
            {
                case Cue.SetQuantity or Cue.Instead when Near(cue) is { } total:
                    return (total, null);
                case Cue.IncreaseOne:
                    return (null, 1);
                case Cue.DecreaseOne:
                    return (null, -1);
                case Cue.Increase when Near(cue) is { } step:
                    return (null, step);
                case Cue.Increase when !facts.AboutProduct:
                    return (null, 1);
                case Cue.Decrease:
                    return (null, -(Near(cue) ?? 1));
                case Cue.More when Near(cue) is { } more:
                    return (null, more);
                case Cue.Less when Near(cue) is { } fewer:
                    return (null, -fewer);
            }
        }

        return (null, null);
    }

    /// <summary>
    /// «زيد معها شاحن», "increase … charger": a product named after "more", with no number, is one more product, not more of the line;
    /// so is one after an Arabic "also" opening the message («وكمان ماء ميسيلار», «بعد شاحن»).
    /// </summary>
    public static bool AddsProduct(CueSet cues, ReadingFacts facts) => facts.AboutProduct && facts.Quantities.Count == 0
        && (cues.Has(Cue.Increase) || cues.Has(m => m.Value == Cue.More && cues.AtLead(m) && cues.IsArabic(m)));
}
