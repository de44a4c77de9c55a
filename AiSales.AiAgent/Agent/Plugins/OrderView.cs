namespace AiSales.AiAgent.Agent.Plugins;

public sealed record OrderLine(string Sku, string Name, decimal UnitPrice, int Quantity, decimal LineTotal, Guid? ProductId = null);

/// <summary>
/// The conversation's order as the customer sees it. Missing names the next detail to ask for, one at a time. A change
/// the tool could not make says why in Problem (for a hosted model) and ProblemCode (for the offline model's sentences):
/// not_found, out_of_stock, not_enough_stock (Available left), other_currency, too_many, no_draft, missing_detail, not_in_order.
/// </summary>
public sealed record OrderView(
    Guid OrderId, long Number, string Status, IReadOnlyList<OrderLine> Items, decimal Total, string? Currency,
    string? CustomerName, string? ShippingAddress, string? Phone, string? Missing, string? Problem = null,
    string? ProblemCode = null, string? ProblemProduct = null, int? Available = null)
{
    public static readonly OrderView None = new(Guid.Empty, 0, "none", [], 0, null, null, null, null, "items");

    public OrderView WithProblem(string code, string problem, string? product = null, int? available = null) =>
        this with { Problem = problem, ProblemCode = code, ProblemProduct = product, Available = available };
}
