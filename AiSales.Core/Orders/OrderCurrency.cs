namespace AiSales.Core.Orders;

/// <summary>
/// One currency per order (contract §6): the first line sets <c>orders.currency</c>; a product priced in another
/// currency cannot join that order (the customer starts another order for it).
/// </summary>
public static class OrderCurrency
{
    /// <summary>Whether a product priced in <paramref name="productCurrency"/> may join an order in <paramref name="orderCurrency"/> (null or blank: an order with no line yet).</summary>
    public static bool Accepts(string? orderCurrency, string productCurrency) =>
        string.IsNullOrWhiteSpace(orderCurrency)
        || string.Equals(orderCurrency.Trim(), productCurrency.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>The reason to give when <see cref="Accepts"/> is false, for the agent's tool result or a problem detail.</summary>
    public static string Mismatch(string orderCurrency, string productName, string productCurrency) =>
        $"{productName} is priced in {productCurrency.Trim().ToUpperInvariant()}, but this order is in {orderCurrency.Trim().ToUpperInvariant()}: one currency per order.";
}
