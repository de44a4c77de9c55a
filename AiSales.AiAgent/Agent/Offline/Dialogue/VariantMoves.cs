using AiSales.AiAgent.Agent.Offline.Understanding;
using AiSales.AiAgent.Agent.Plugins;
using AiSales.Core.Messaging;

namespace AiSales.AiAgent.Agent.Offline.Dialogue;

/// <summary>
/// Another variant of a line already ordered: "make it the navy one instead", «خليه M بدل S». The other colour or size is looked
/// for among the line's look-alikes (its name without its colour and size), added with the line's quantity, and only then is the
/// old line removed, so a variant out of stock leaves the order as it was. Never both: the customer swapped, not added.
/// </summary>
public static class VariantMoves
{
    /// <summary>True when the message swaps a variant of a line of the draft (the line in focus, the only one, or the one named).</summary>
    public static bool Applies(OfflineTurn turn) => Target(turn) is not null;

    public static Step Swap(OfflineTurn turn, TurnResults done)
    {
        var (line, colour, size) = Target(turn) ?? throw new InvalidOperationException("Swap without a line to swap.");
        if (done.Of(Tools.SearchProducts) is not { } search)
        {
            return Step.Call(Tools.SearchProducts, new() { ["query"] = LookAlikes(line.Name, ByMeasure(line, size)), ["colour"] = colour });
        }

        var variant = search.Products()
            .Where(p => p.ProductId != line.ProductId)
            .Where(p => colour is null || Picks.HasColour(p.Name + " " + p.Description, colour))
            .Where(p => size is null || Sizes.InName(p.Name).Contains(size) || ByMeasure(line, size) && RelativeSize.Beyond(p.Name, line.Name, size))
            .OrderByDescending(p => p.Stock > 0)
            .ThenBy(p => ByMeasure(line, size) ? Math.Abs((RelativeSize.Amount(p.Name) ?? 0) - (RelativeSize.Amount(line.Name) ?? 0)) : 0)
            .FirstOrDefault();
        var draft = turn.Draft!;
        if (variant is null)
        {
            var none = colour is not null ? turn.Say.NotInColour() : turn.Say.NotInSize();
            return Step.Reply(none + " " + Progress(turn, draft, null), DialogueRules.AfterOrder(turn.State, draft));
        }

        var state = turn.State with { Shown = DialogueRules.Remember([variant]) };
        if (done.Of(Tools.AddToOrder)?.Order() is not { } added)
        {
            return Step.Call(Tools.AddToOrder, new() { ["product"] = variant.ProductId.ToString(), ["quantity"] = line.Quantity });
        }

        if (added.ProblemCode is not null)
        {
            return Step.Reply(turn.Say.Problem(added) + " " + Progress(turn, added, null), DialogueRules.AfterOrder(state, added, line.ProductId));
        }

        if (done.Of(Tools.RemoveItem)?.Order() is not { } order)
        {
            return Step.Call(Tools.RemoveItem, new() { ["product"] = line.Sku });
        }

        var now = order.Items.FirstOrDefault(i => i.ProductId == variant.ProductId);
        return Step.Reply(Progress(turn, order, now is null ? null : turn.Say.Replaced(line.Name, now)),
            DialogueRules.AfterOrder(state, order, variant.ProductId));
    }

    /// <summary>The line to swap and the colour or size it should have instead: the one named that the line does not have already.</summary>
    private static (OrderLine Line, string? Colour, string? Size)? Target(OfflineTurn turn)
    {
        var reading = turn.Reading;
        if (!reading.Has(Act.Swap) || turn.Draft is not { Items.Count: > 0 } draft)
        {
            return null;
        }

        var line = Picks.FromOrder(reading with { Colours = [], Sizes = [] }, draft, turn.State.FocusProduct);
        if (line is null)
        {
            return null;
        }

        var lineSizes = Sizes.InName(line.Name);
        var colour = reading.Colours.FirstOrDefault(c => !Picks.HasColour(line.Name, c));
        var size = reading.Sizes.FirstOrDefault(s => !lineSizes.Contains(s));
        return colour is null && size is null ? null : (line, colour, size);
    }

    /// <summary>
    /// A name's words without its colour and size, in its first language: "Black Crepe Abaya" → "crepe abaya"; without its measure
    /// too when the swap is to a bigger or smaller one ("Face Cream 50ml" → "face cream").
    /// </summary>
    public static string LookAlikes(string name, bool withoutMeasure = false)
    {
        var first = name.Split([" | ", " - ", " – "], StringSplitOptions.RemoveEmptyEntries)[0];
        var sizes = Sizes.InName(first);
        var words = TextFolding.Tokens(TextFolding.Fold(first))
            .Where(w => Colours.Key(w) is null && Colours.Key(ArabicWord.StripArticle(w)) is null && !sizes.Contains(Sizes.NearSizeWord(w) ?? w))
            .Where(w => !withoutMeasure || !w.Any(char.IsAsciiDigit) && RelativeSize.Amount("1 " + w) is null);
        return string.Join(' ', words);
    }

    // «خليه الكبير»: a bigger or smaller one of a line whose name carries a measure and no size letter.
    private static bool ByMeasure(OrderLine line, string? size) =>
        size is not null && RelativeSize.IsRelative(size) && Sizes.InName(line.Name).Count == 0 && RelativeSize.Amount(line.Name) is not null;

    private static string Progress(OfflineTurn turn, OrderView order, string? lead) =>
        turn.Say.Progress(order, lead, phoneNeeded: turn.Platform == Platforms.Instagram);
}
