namespace AiSales.AiAgent.Agent.Plugins;

/// <summary>A catalogue product as the order tools need it.</summary>
public sealed record ProductRow(Guid Id, string Sku, string Name, decimal Price, string Currency, int Stock);

/// <summary>Why a product cannot go into the order that many times (for the model, and a code for the offline sentences).</summary>
public sealed record LineProblem(string Code, string Text, int? Available = null);

/// <summary>Finding a product of the merchant's active catalogue, and the rules a line must keep.</summary>
public static class Products
{
    public static async Task<ProductRow?> FindAsync(AgentTurn turn, string product, CancellationToken cancellationToken)
    {
        await using var find = turn.Command("""
            SELECT id, sku, name, price, currency, stock FROM products
            WHERE merchant_id = $1 AND active AND (id::text = $2 OR sku = $2)
            """, turn.MerchantId, product.Trim());
        await using var reader = await find.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new ProductRow(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetDecimal(3), reader.GetString(4).Trim(), reader.GetInt32(5))
            : null;
    }

    /// <summary>
    /// Never more than the stock, never past what numeric(14,3) holds (validated here so the common cases never reach
    /// the column as a database error), one currency per order.
    /// </summary>
    public static LineProblem? Problem(ProductRow product, int quantity, string? orderCurrency)
    {
        if (quantity > DraftOrders.MaxQuantity)
        {
            return new LineProblem("too_many", $"At most {DraftOrders.MaxQuantity} of one product per order.");
        }

        if (product.Stock <= 0)
        {
            return new LineProblem("out_of_stock", $"{product.Name} is out of stock.", 0);
        }

        if (product.Stock < quantity)
        {
            return new LineProblem("not_enough_stock", $"Only {product.Stock} of {product.Name} left in stock.", product.Stock);
        }

        if (product.Price * quantity > DraftOrders.MaxAmount)
        {
            return new LineProblem("too_many", $"That many of {product.Name} is more than one order can hold.");
        }

        if (orderCurrency is not null && !string.Equals(orderCurrency, product.Currency, StringComparison.OrdinalIgnoreCase))
        {
            return new LineProblem("other_currency",
                $"{product.Name} is priced in {product.Currency} but the order is in {orderCurrency}: one currency per order.");
        }

        return null;
    }
}
