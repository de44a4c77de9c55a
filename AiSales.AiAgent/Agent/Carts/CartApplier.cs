using AiSales.AiAgent.Agent.Plugins;

namespace AiSales.AiAgent.Agent.Carts;

/// <summary>What became of one cart line: added at our price, or the problem that kept it out (not_found, out_of_stock…).</summary>
public sealed record CartLineResult(CartLine Line, OrderLine? Added, string? ProblemCode = null, string? ProductName = null, int? Available = null);

/// <summary>The draft after a cart, and each line's fate.</summary>
public sealed record CartResult(OrderView Order, IReadOnlyList<CartLineResult> Lines)
{
    /// <summary>Lines added whose price or currency differs from what the cart showed (we keep ours).</summary>
    public IEnumerable<CartLineResult> PriceChanges => Lines.Where(l => l.Added is { } added && l.Line.ItemPrice is { } shown
        && (shown != added.UnitPrice || (l.Line.Currency is { } currency && !string.Equals(currency, Order.Currency, StringComparison.OrdinalIgnoreCase))));

    /// <summary>SKUs the merchant's active catalogue does not have.</summary>
    public IEnumerable<CartLineResult> Unknown => Lines.Where(l => l.ProblemCode == "not_found");

    /// <summary>Lines kept out by a rule of the order: stock, one currency, the size of an order.</summary>
    public IEnumerable<CartLineResult> Refused => Lines.Where(l => l.ProblemCode is not null and not "not_found");

    /// <summary>The last product added: the one in focus afterwards.</summary>
    public Guid? LastAdded => Lines.LastOrDefault(l => l.Added is not null)?.Added?.ProductId;
}

/// <summary>
/// Puts a WhatsApp cart into the conversation's draft order through <see cref="DraftOrders.AddToOrderAsync"/>, line by
/// line, so the rules of a line (our catalogue price, stock, one currency, the limits) are the ones the agent's
/// add_to_order keeps. Each statement is safe to run again: a retried turn sets the same quantities again.
/// </summary>
public static class CartApplier
{
    public static async Task<CartResult> ApplyAsync(AgentTurn turn, Cart cart, CancellationToken cancellationToken)
    {
        var drafts = new DraftOrders(turn);
        var order = await drafts.LoadDraftAsync(cancellationToken) ?? OrderView.None;
        var results = new List<CartLineResult>();
        foreach (var line in cart.Lines)
        {
            var after = await drafts.AddToOrderAsync(line.Sku, line.Quantity, cancellationToken);
            if (after.ProblemCode is { } code)
            {
                results.Add(new CartLineResult(line, null, code, after.ProblemProduct, after.Available));
                order = after with { Problem = null, ProblemCode = null, ProblemProduct = null, Available = null };
                continue;
            }

            order = after;
            results.Add(new CartLineResult(line, after.Items.FirstOrDefault(i => string.Equals(i.Sku, line.Sku, StringComparison.Ordinal))));
        }

        return new CartResult(order, results);
    }
}
