using AiSales.AiAgent.Agent.Offline.Understanding;
using AiSales.AiAgent.Agent.Plugins;

namespace AiSales.AiAgent.Agent.Offline.Dialogue;

/// <summary>Small rules the moves share: what the assistant is waiting on, and what it asks next.</summary>
public static class DialogueRules
{
    /// <summary>
    /// The question still open: the one the last reply asked, if it still makes sense (a list to pick from is still
    /// there, the draft still lacks that detail or is complete for the confirmation), else nothing.
    /// </summary>
    public static Awaiting Awaiting(DialogueState state, OrderView? draft) => state.Awaiting switch
    {
        Understanding.Awaiting.Choice when state.Shown.Count > 0 => Understanding.Awaiting.Choice,
        Understanding.Awaiting.Quantity when state.Focus is not null => Understanding.Awaiting.Quantity,
        Understanding.Awaiting.Name or Understanding.Awaiting.Address or Understanding.Awaiting.Phone when draft is not null
            => ForMissing(draft.Missing),
        Understanding.Awaiting.Confirmation when draft is { Missing: null, Items.Count: > 0 } => Understanding.Awaiting.Confirmation,
        _ => Understanding.Awaiting.Nothing,
    };

    /// <summary>The question that goes with the draft's next missing detail (confirmation once nothing is missing).</summary>
    public static Awaiting ForMissing(string? missing) => missing switch
    {
        "customer_name" => Understanding.Awaiting.Name,
        "shipping_address" => Understanding.Awaiting.Address,
        "phone" => Understanding.Awaiting.Phone,
        null => Understanding.Awaiting.Confirmation,
        _ => Understanding.Awaiting.Nothing,
    };

    /// <summary>The state after an order changed: the next question follows the order; the list shown stays pickable.</summary>
    public static DialogueState AfterOrder(DialogueState state, OrderView order, Guid? focus = null) => state with
    {
        Focus = focus ?? state.Focus,
        Awaiting = order.Items.Count == 0 ? Understanding.Awaiting.Nothing : ForMissing(order.Missing),
        BuyQuantity = null,
    };

    /// <summary>Products as the state remembers them, in the order shown (at most five).</summary>
    public static IReadOnlyList<ShownProduct> Remember(IEnumerable<ProductFact> products) =>
        products.Take(5).Select(p => new ShownProduct(p.ProductId, p.Sku, p.Name, p.Description)).ToList();
}
