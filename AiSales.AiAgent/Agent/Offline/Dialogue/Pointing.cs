using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.AiAgent.Agent.Offline.Dialogue;

/// <summary>What the customer's words point at when they name no product afresh: one shown or in focus, or the product words said before.</summary>
public static class Pointing
{
    /// <summary>The product the customer points at among those shown, or the one in focus when they name none.</summary>
    internal static ShownProduct? Known(OfflineTurn turn)
    {
        var picked = Picks.FromShown(turn.Reading, turn.State.Shown);
        if (picked is not null)
        {
            return picked;
        }

        var reading = turn.Reading;
        var focus = turn.State.FocusProduct;
        if (reading.ProductQuery.Length > 0 || reading.Colours.Count > 0 || reading.Choice is not null || reading.PickAll || focus is null)
        {
            return null;
        }

        // "two of the 500 g ones" after the 1 kg box: another box of the same product words.
        if (reading.Weight is { } grams && Weights.InName(focus.Name) is not null && Weights.Count(focus.Name, grams) is null)
        {
            return null;
        }

        // "in M?" is about the product in focus, unless it is sold one product per size and is another size («مقاس L» then «والـ M؟»).
        var sizes = Sizes.InName(focus.Name);
        return sizes.Count == 0 || reading.Sizes.All(sizes.Contains) ? focus : null;
    }

    // The product words; with none, those searched before (a colour, size or weight said alone), else the colour words as written.
    internal static string? QueryOrBefore(OfflineTurn turn)
    {
        var reading = turn.Reading;
        if (reading.ProductQuery.Length > 0)
        {
            return reading.ProductQuery;
        }

        var alone = reading.Colours.Count > 0 || reading.Sizes.Count > 0 || reading.Weight is not null;
        return alone && !string.IsNullOrEmpty(turn.State.LastQuery) ? turn.State.LastQuery
            : reading.ColourWords is { Count: > 0 } words ? string.Join(' ', words)
            : alone ? turn.State.LastQuery : null;
    }
}
