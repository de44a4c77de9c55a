using AiSales.AiAgent.Agent.Offline.Phrases;

namespace AiSales.AiAgent.Agent.Carts;

/// <summary>
/// What the customer reads about their cart, in their language: thanks, each price that is ours rather than the
/// cart's, the SKUs we do not sell, the lines kept out (stock, currency), then — when nothing else in the turn
/// answers — the order and its next question (a detail, or the confirmation). Pure: every figure comes from the result.
/// </summary>
public static class CartReply
{
    /// <summary>At most this many characters of an unknown SKU are repeated to the customer.</summary>
    private const int SkuShown = 40;

    public static string Text(Phrasebook say, CartResult result, bool phoneNeeded, bool withProgress)
    {
        var parts = new List<string>();
        if (result.Lines.Any(l => l.Added is not null))
        {
            parts.Add(say.CartReceived());
        }

        foreach (var change in result.PriceChanges)
        {
            parts.Add(say.CartPriceChanged(change.Added!, result.Order.Currency, change.Line.ItemPrice!.Value, change.Line.Currency));
        }

        var unknown = result.Unknown.Select(l => l.Line.Sku.Length > SkuShown ? l.Line.Sku[..SkuShown] : l.Line.Sku).ToList();
        if (unknown.Count > 0)
        {
            parts.Add(say.CartUnknown(unknown));
        }

        foreach (var refused in result.Refused)
        {
            parts.Add(say.Problem(result.Order.WithProblem(refused.ProblemCode!, "", refused.ProductName ?? refused.Line.Sku, refused.Available)));
        }

        if (withProgress)
        {
            parts.Add(say.Progress(result.Order, null, phoneNeeded));
        }

        return string.Join(" ", parts);
    }
}
